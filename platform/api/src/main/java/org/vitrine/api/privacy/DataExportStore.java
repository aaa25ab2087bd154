package org.vitrine.api.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.vitrine.api.blob.BlobKey;

/**
 * The data exports of accounts, kept by the metadata store. The archives themselves live in the blob store.
 *
 * <p>Threading: thread-safe; every call may block on the database for a few milliseconds.
 */
@ProviderType
public interface DataExportStore {

    /** Records a new export in state {@link DataExportState#QUEUED}. */
    DataExport create(long accountId, Instant requestedAt);

    Optional<DataExport> find(long id);

    /** The account's exports, newest first, at most {@code limit}. */
    List<DataExport> ofAccount(long accountId, int limit);

    /** Exports in one of the states, oldest first (e.g. those a stop left unfinished). */
    List<DataExport> inState(List<DataExportState> states);

    void markRunning(long id);

    void markReady(long id, BlobKey blob, Instant readyAt, Instant expiresAt);

    /** Marks it failed (or expired), forgetting its archive. */
    void markEnded(long id, DataExportState state);
}
