package org.vitrine.store.mariadb.internal;

import java.util.List;

import org.apache.ibatis.annotations.Param;

/** SQL for the audit log lives in AuditMapper.xml beside this interface. */
public interface AuditMapper {

    void insert(AuditRow row);

    List<AuditRow> recent(@Param("limit") int limit);

    /** Newest first by id, below {@code before} when given, of one action when given. */
    List<AuditRow> page(@Param("before") Long before, @Param("limit") int limit, @Param("action") String action);
}
