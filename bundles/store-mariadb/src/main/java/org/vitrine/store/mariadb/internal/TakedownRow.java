package org.vitrine.store.mariadb.internal;

import java.time.LocalDateTime;

import org.vitrine.api.documents.Takedown;

/** Why a document is taken down, as {@code documents} and {@code deletion_requests} hold it. */
public class TakedownRow {

    private String reason;
    private LocalDateTime at;
    private boolean deletionRequested;

    public TakedownRow() {
    }

    Takedown toTakedown() {
        return new Takedown(reason, UtcTimes.toInstant(at), deletionRequested);
    }

    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public LocalDateTime getAt() { return at; }
    public void setAt(LocalDateTime at) { this.at = at; }
    public boolean isDeletionRequested() { return deletionRequested; }
    public void setDeletionRequested(boolean deletionRequested) { this.deletionRequested = deletionRequested; }
}
