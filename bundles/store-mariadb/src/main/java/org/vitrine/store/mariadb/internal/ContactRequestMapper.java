package org.vitrine.store.mariadb.internal;

import java.util.List;

import org.apache.ibatis.annotations.Param;

/** SQL for contact messages lives in ContactRequestMapper.xml beside this interface. */
public interface ContactRequestMapper {

    void insert(ContactRequestRow row);

    /** Newest first by id, below {@code before} when given, of one type when given. */
    List<ContactRequestRow> page(@Param("before") Long before, @Param("limit") int limit, @Param("type") String type);
}
