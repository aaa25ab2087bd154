package org.vitrine.store.mariadb.internal;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.vitrine.api.imports.ImportJob;

/**
 * A row of {@code import_jobs} with its items from {@code import_job_items}. States travel as the lower-case
 * names of the schema's ENUM columns; times as UTC {@link LocalDateTime} (see {@link UtcTimes}).
 */
public class ImportJobRow {

    private Long id;
    private Long accountId;
    private String provider;
    private String state;
    private String pauseReason;
    private Integer total;
    private Integer done;
    private Integer failed;
    private LocalDateTime rightsConfirmedAt;
    private String termsVersion;
    private LocalDateTime createdAt;
    private LocalDateTime updatedAt;
    private List<ImportItemRow> items = new ArrayList<>();

    public ImportJobRow() {
    }

    /** A queued job; confirming the terms is what confirms the rights, so both are recorded together. */
    static ImportJobRow queued(long accountId, String provider, int total, String termsVersion, LocalDateTime now) {
        ImportJobRow row = new ImportJobRow();
        row.accountId = accountId;
        row.provider = provider;
        row.state = AccountRow.dbName(ImportJob.JobState.QUEUED);
        row.total = total;
        row.done = 0;
        row.failed = 0;
        row.termsVersion = termsVersion;
        row.rightsConfirmedAt = termsVersion == null ? null : now;
        row.createdAt = now;
        row.updatedAt = now;
        return row;
    }

    /** A job whose starting account was removed has account id 0. */
    ImportJob toJob() {
        return new ImportJob(id, accountId == null ? 0 : accountId, provider,
                ImportJob.JobState.valueOf(state.toUpperCase(Locale.ROOT)), pauseReason, total, done, failed,
                UtcTimes.toInstant(createdAt), UtcTimes.toInstant(updatedAt),
                items.stream().map(ImportItemRow::toItem).toList(),
                UtcTimes.toInstant(rightsConfirmedAt), termsVersion);
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getAccountId() { return accountId; }
    public void setAccountId(Long accountId) { this.accountId = accountId; }
    public String getProvider() { return provider; }
    public void setProvider(String provider) { this.provider = provider; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
    public String getPauseReason() { return pauseReason; }
    public void setPauseReason(String pauseReason) { this.pauseReason = pauseReason; }
    public Integer getTotal() { return total; }
    public void setTotal(Integer total) { this.total = total; }
    public Integer getDone() { return done; }
    public void setDone(Integer done) { this.done = done; }
    public Integer getFailed() { return failed; }
    public void setFailed(Integer failed) { this.failed = failed; }
    public LocalDateTime getRightsConfirmedAt() { return rightsConfirmedAt; }
    public void setRightsConfirmedAt(LocalDateTime rightsConfirmedAt) { this.rightsConfirmedAt = rightsConfirmedAt; }
    public String getTermsVersion() { return termsVersion; }
    public void setTermsVersion(String termsVersion) { this.termsVersion = termsVersion; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }
    public LocalDateTime getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(LocalDateTime updatedAt) { this.updatedAt = updatedAt; }
    public List<ImportItemRow> getItems() { return items; }
    public void setItems(List<ImportItemRow> items) { this.items = items; }
}
