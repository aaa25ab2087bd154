package org.vitrine.store.mariadb.internal;

import java.util.List;

import org.apache.ibatis.annotations.Param;

/** SQL for the consent ledger lives in ConsentMapper.xml beside this interface. It only inserts and reads. */
public interface ConsentMapper {

    void insert(ConsentRow row);

    /** The latest row per purpose of one subject among those of one policy id and version. */
    List<ConsentRow> latest(@Param("accountId") Long accountId, @Param("visitorId") String visitorId,
                            @Param("policyId") String policyId, @Param("policyVersion") String policyVersion);

    /** Every row of one subject, newest first. */
    List<ConsentRow> history(@Param("accountId") Long accountId, @Param("visitorId") String visitorId);
}
