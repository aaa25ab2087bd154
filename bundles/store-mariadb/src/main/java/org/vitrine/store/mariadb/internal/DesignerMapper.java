package org.vitrine.store.mariadb.internal;

import java.util.List;

import org.apache.ibatis.annotations.Param;

/**
 * SQL for the public view of designers lives in DesignerMapper.xml beside this interface. Only designers
 * credited on at least one public document are seen, and only public documents are counted.
 */
public interface DesignerMapper {

    /** {@code pattern} is a LIKE pattern with its wildcards escaped, or null for everybody. */
    long count(@Param("pattern") String pattern);

    List<DesignerProfileRow> page(@Param("pattern") String pattern, @Param("size") int size, @Param("offset") long offset);

    DesignerProfileRow byId(@Param("id") long id);
}
