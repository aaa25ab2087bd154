package org.vitrine.api.moderation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Reports about documents, provided by the metadata store.
 *
 * <p>Threading: thread-safe; calls block on the database.
 */
@ProviderType
public interface ReportStore {

    /** Files a report; returns its id. The document must exist. */
    long add(NewReport report);

    /**
     * Reports in this state, oldest first (the order a queue is worked through).
     *
     * @param after only reports with a larger id (the last id of the previous page), or null
     * @param limit at most this many, 1 to 1000
     */
    List<Report> queue(ReportState state, Long after, int limit);

    Optional<Report> find(long id);

    /**
     * Closes an open report with the moderator's note.
     *
     * @param closedBy the moderator's account, or null for the operations token
     * @return false when there is no such open report
     */
    boolean close(long id, Long closedBy, String note, Instant at);
}
