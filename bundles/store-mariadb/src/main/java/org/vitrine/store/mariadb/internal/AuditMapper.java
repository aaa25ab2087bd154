package org.vitrine.store.mariadb.internal;

import java.util.List;

import org.apache.ibatis.annotations.Param;

/** SQL for the audit log lives in AuditMapper.xml beside this interface. */
public interface AuditMapper {

    void insert(AuditRow row);

    List<AuditRow> recent(@Param("limit") int limit);
}
