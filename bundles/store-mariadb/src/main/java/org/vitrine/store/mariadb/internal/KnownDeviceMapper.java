package org.vitrine.store.mariadb.internal;

import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Param;

/** SQL for known devices and the account's new-device setting lives in KnownDeviceMapper.xml beside this interface. */
public interface KnownDeviceMapper {

    /** Inserts the device unless the account knows it: 1 when inserted, 0 when it was known. */
    int insertIfNew(@Param("accountId") long accountId, @Param("hash") String hash, @Param("userAgent") String userAgent,
                    @Param("now") LocalDateTime now);

    /** Records a known device's latest sign-in. */
    int touch(@Param("accountId") long accountId, @Param("hash") String hash, @Param("userAgent") String userAgent,
              @Param("now") LocalDateTime now);

    int count(@Param("accountId") long accountId);

    /** 1 when the account knows the device with this hash, else 0. */
    int countWithHash(@Param("accountId") long accountId, @Param("hash") String hash);

    List<KnownDeviceRow> of(@Param("accountId") long accountId);

    Boolean noticeWanted(@Param("accountId") long accountId);

    int setNoticeWanted(@Param("accountId") long accountId, @Param("wanted") boolean wanted, @Param("now") LocalDateTime now);
}
