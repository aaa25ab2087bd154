package org.vitrine.api.imports;

import java.time.Instant;
import java.util.List;

/**
 * An import job and its items.
 *
 * @param id          job id
 * @param accountId   who started it
 * @param provider    where the documents come from
 * @param state       where it stands
 * @param reason      why it is paused or failed; null otherwise
 * @param total       number of items
 * @param done        items imported
 * @param failed      items that failed for good
 * @param createdAt   when it was started
 * @param updatedAt   when it last changed
 * @param items       the items, in order
 * @param rightsConfirmedAt when its starter confirmed they have the right to share the documents publicly; null
 *                    for jobs started before the confirmation was required
 * @param termsVersion the version of the terms they confirmed; null with {@code rightsConfirmedAt}
 */
public record ImportJob(long id, long accountId, String provider, JobState state, String reason, int total, int done,
                        int failed, Instant createdAt, Instant updatedAt, List<Item> items, Instant rightsConfirmedAt,
                        String termsVersion) {

    public ImportJob {
        items = List.copyOf(items);
    }

    /** A job without a recorded rights confirmation. */
    public ImportJob(long id, long accountId, String provider, JobState state, String reason, int total, int done,
                     int failed, Instant createdAt, Instant updatedAt, List<Item> items) {
        this(id, accountId, provider, state, reason, total, done, failed, createdAt, updatedAt, items, null, null);
    }

    /** Where a job stands. */
    public enum JobState {
        QUEUED, RUNNING, PAUSED, COMPLETED, FAILED
    }

    /** Where one item stands. */
    public enum ItemState {
        PENDING, RUNNING, DONE, FAILED
    }

    /**
     * One document of a job.
     *
     * @param id         item id
     * @param source     what was asked for: the provider's document id
     * @param sourceUrl  the pasted address, when imported by URL; else null
     * @param state      where it stands
     * @param attempts   how many times it was tried
     * @param error      why it failed; null otherwise
     * @param documentId the imported document, once done
     */
    public record Item(long id, String source, String sourceUrl, ItemState state, int attempts, String error, Long documentId) {
    }
}
