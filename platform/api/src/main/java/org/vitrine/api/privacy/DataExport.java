package org.vitrine.api.privacy;

import java.time.Instant;
import java.util.Objects;

import org.vitrine.api.blob.BlobKey;

/**
 * An archive of an account's personal data, prepared on request.
 *
 * @param id          stable numeric id
 * @param accountId   whose data it holds; only they may download it
 * @param state       where it stands
 * @param blob        where the archive is kept, once ready; else null
 * @param requestedAt when it was asked for (UTC)
 * @param readyAt     when it was ready; else null
 * @param expiresAt   when the download stops working; null until ready
 */
public record DataExport(long id, long accountId, DataExportState state, BlobKey blob, Instant requestedAt,
                         Instant readyAt, Instant expiresAt) {
    public DataExport {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }

    /** Ready but past its download period at {@code now}. */
    public boolean expiredAt(Instant now) {
        return state == DataExportState.EXPIRED || (expiresAt != null && !now.isBefore(expiresAt));
    }
}
