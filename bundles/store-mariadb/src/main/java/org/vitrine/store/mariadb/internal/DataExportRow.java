package org.vitrine.store.mariadb.internal;

import java.time.LocalDateTime;
import java.util.Locale;

import org.vitrine.api.blob.BlobKey;
import org.vitrine.api.privacy.DataExport;
import org.vitrine.api.privacy.DataExportState;

/** A row of {@code data_exports}; times are UTC. */
public class DataExportRow {

    private Long id;
    private long accountId;
    private String state;
    private String blobKey;
    private LocalDateTime requestedAt;
    private LocalDateTime readyAt;
    private LocalDateTime expiresAt;

    public DataExportRow() {
    }

    static DataExportRow queued(long accountId, LocalDateTime requestedAt) {
        DataExportRow row = new DataExportRow();
        row.accountId = accountId;
        row.state = "queued";
        row.requestedAt = requestedAt;
        return row;
    }

    DataExport toExport() {
        return new DataExport(id, accountId, DataExportState.valueOf(state.toUpperCase(Locale.ROOT)),
                blobKey == null ? null : new BlobKey(blobKey), UtcTimes.toInstant(requestedAt), UtcTimes.toInstant(readyAt),
                UtcTimes.toInstant(expiresAt));
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public long getAccountId() { return accountId; }
    public void setAccountId(long accountId) { this.accountId = accountId; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
    public String getBlobKey() { return blobKey; }
    public void setBlobKey(String blobKey) { this.blobKey = blobKey; }
    public LocalDateTime getRequestedAt() { return requestedAt; }
    public void setRequestedAt(LocalDateTime requestedAt) { this.requestedAt = requestedAt; }
    public LocalDateTime getReadyAt() { return readyAt; }
    public void setReadyAt(LocalDateTime readyAt) { this.readyAt = readyAt; }
    public LocalDateTime getExpiresAt() { return expiresAt; }
    public void setExpiresAt(LocalDateTime expiresAt) { this.expiresAt = expiresAt; }
}
