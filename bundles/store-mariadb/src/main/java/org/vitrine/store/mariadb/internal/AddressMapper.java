package org.vitrine.store.mariadb.internal;

import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Param;

/**
 * SQL for the retention of client addresses lives in AddressMapper.xml beside this interface; {@code log} is the
 * name of an {@link org.vitrine.api.retention.AddressLog}.
 */
public interface AddressMapper {

    List<AddressRow> notAnonymisedBefore(@Param("log") String log, @Param("cutoff") LocalDateTime cutoff, @Param("limit") int limit);

    /** Returns the number of changed rows (0 when another run was first). */
    int replace(@Param("log") String log, @Param("id") long id, @Param("ip") String ip);
}
