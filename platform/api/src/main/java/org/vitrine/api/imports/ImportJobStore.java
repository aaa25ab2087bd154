package org.vitrine.api.imports;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Import jobs survive restarts: their state is kept in the metadata store, and unfinished jobs are picked
 * up again at start.
 *
 * <p>Threading: thread-safe; calls block on the database.
 */
@ProviderType
public interface ImportJobStore {

    /**
     * Creates a queued job with one pending item per source (document id, with its pasted URL or null). A non-null
     * {@code termsVersion} records that the starter confirmed, now, their right to share the documents under that
     * version of the terms.
     */
    ImportJob create(long accountId, String provider, List<Source> sources, String termsVersion);

    /** What to import: the provider's document id and, for URL imports, the address given. */
    record Source(String externalId, String url) {
    }

    Optional<ImportJob> find(long jobId);

    /** The account's most recent jobs, newest first, at most {@code limit} (1 to 100). */
    List<ImportJob> recentOf(long accountId, int limit);

    /** Jobs that are queued, running or paused, oldest first. */
    List<ImportJob> unfinished();

    /** Records an item's new state (and counts an attempt when it starts running). */
    void updateItem(long itemId, ImportJob.ItemState state, String error, Long documentId);

    /**
     * Puts the failed items of a finished (completed or failed) job back to pending, with their errors and attempts
     * cleared, and the job back to queued, in one transaction, so the job runs those items again. Returns how many
     * items were put back: 0, with nothing changed, when the job does not exist, is not finished or has no failed
     * item — so two retries at once put the items back once.
     */
    int retryFailed(long jobId);

    /** Records the job's state and recomputes its done/failed counters from its items. */
    void updateJob(long jobId, ImportJob.JobState state, String reason);

    /**
     * Every account's jobs, newest first, for admins: those with an id below {@code before} (all when null), at most
     * {@code limit} (1 to 201). The jobs come without their items; their counters are those last recorded.
     */
    List<ImportJob> page(Long before, int limit);

    /** How many jobs and items are in each state now, over every account; a state nothing is in is left out. */
    StateCounts stateCounts();

    /** Numbers of jobs and of items by state. */
    record StateCounts(Map<ImportJob.JobState, Long> jobs, Map<ImportJob.ItemState, Long> items) {
        public StateCounts {
            jobs = Map.copyOf(jobs);
            items = Map.copyOf(items);
        }
    }
}
