package org.vitrine.store.mariadb.internal;

import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Param;

/**
 * SQL for import jobs and their items lives in ImportJobMapper.xml beside this interface. States are the
 * lower-case ENUM names of the schema; updates return the number of matched rows.
 */
public interface ImportJobMapper {

    void insertJob(ImportJobRow row);

    void insertItems(@Param("jobId") long jobId, @Param("items") List<ImportItemRow> items);

    ImportJobRow byId(@Param("id") long id);

    /** The account's newest jobs with their items, newest first. */
    List<ImportJobRow> recentOf(@Param("accountId") long accountId, @Param("limit") int limit);

    /** Queued, running and paused jobs with their items, oldest first. */
    List<ImportJobRow> unfinished();

    /** Jobs by state. */
    List<StateCountRow> jobStates();

    /** Items by state. */
    List<StateCountRow> itemStates();

    int updateItem(@Param("itemId") long itemId, @Param("state") String state, @Param("error") String error,
                   @Param("documentId") Long documentId, @Param("attempt") int attempt, @Param("now") LocalDateTime now);

    /** Queues a completed or failed job that has failed items again; 1 when it did, else 0. */
    int requeueWithFailedItems(@Param("jobId") long jobId, @Param("now") LocalDateTime now);

    /** Puts the job's failed items back to pending, without error or attempts; returns how many. */
    int resetFailedItems(@Param("jobId") long jobId, @Param("now") LocalDateTime now);

    /** Sets the job's state and recounts its done and failed items. */
    int updateJob(@Param("jobId") long jobId, @Param("state") String state, @Param("reason") String reason,
                  @Param("now") LocalDateTime now, @Param("finishedAt") LocalDateTime finishedAt);

    /** Jobs of every account below an id (all when null), newest first, without their items. */
    List<ImportJobRow> page(@Param("before") Long before, @Param("limit") int limit);
}
