package org.vitrine.store.mariadb.internal;

import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Param;

/** SQL for moderation reports lives in ReportMapper.xml beside this interface. */
public interface ReportMapper {

    void insert(ReportRow row);

    /** Reports in the state ('open' or 'closed'), by id, above {@code after} when given. */
    List<ReportRow> queue(@Param("state") String state, @Param("after") Long after, @Param("limit") int limit);

    ReportRow byId(@Param("id") long id);

    /** Closes an open report; returns the number of matched rows. */
    int close(@Param("id") long id, @Param("closedBy") Long closedBy, @Param("note") String note, @Param("at") LocalDateTime at);
}
