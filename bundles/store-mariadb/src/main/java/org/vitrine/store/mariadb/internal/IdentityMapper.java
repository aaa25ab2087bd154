package org.vitrine.store.mariadb.internal;

import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Param;

/** SQL for provider identities and the designer links they grant lives in IdentityMapper.xml beside this interface. */
public interface IdentityMapper {

    void insert(IdentityRow row);

    IdentityRow byExternalId(@Param("provider") String provider, @Param("externalId") String externalId);

    List<IdentityRow> ofAccount(@Param("accountId") long accountId);

    int linkDesigner(@Param("provider") String provider, @Param("externalId") String externalId,
                     @Param("accountId") long accountId, @Param("now") LocalDateTime now);

    /** The account's identity with this id, locked until the transaction ends; null when it has none. */
    IdentityRow ofAccountById(@Param("accountId") long accountId, @Param("id") long id);

    int delete(@Param("accountId") long accountId, @Param("id") long id);
}
