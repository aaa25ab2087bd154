package org.vitrine.store.mariadb.internal;

import java.time.LocalDateTime;
import java.util.Locale;

import org.vitrine.api.imports.ImportJob;
import org.vitrine.api.imports.ImportJobStore;

/**
 * A row of {@code import_job_items}. {@code source} holds what was given (the pasted address, or else the
 * document id) and {@code external_id} the document id, so an item whose two columns differ was imported by URL.
 */
public class ImportItemRow {

    private Long id;
    private String source;
    private String externalId;
    private Long documentId;
    private String state;
    private Integer attempts;
    private String error;
    private LocalDateTime updatedAt;

    public ImportItemRow() {
    }

    static ImportItemRow pending(ImportJobStore.Source s, LocalDateTime now) {
        ImportItemRow row = new ImportItemRow();
        row.source = s.url() != null ? s.url() : s.externalId();
        row.externalId = s.externalId();
        row.state = AccountRow.dbName(ImportJob.ItemState.PENDING);
        row.attempts = 0;
        row.updatedAt = now;
        return row;
    }

    ImportJob.Item toItem() {
        String url = externalId != null && externalId.equals(source) ? null : source;
        return new ImportJob.Item(id, externalId != null ? externalId : source, url,
                ImportJob.ItemState.valueOf(state.toUpperCase(Locale.ROOT)), attempts, error, documentId);
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
    public String getExternalId() { return externalId; }
    public void setExternalId(String externalId) { this.externalId = externalId; }
    public Long getDocumentId() { return documentId; }
    public void setDocumentId(Long documentId) { this.documentId = documentId; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
    public Integer getAttempts() { return attempts; }
    public void setAttempts(Integer attempts) { this.attempts = attempts; }
    public String getError() { return error; }
    public void setError(String error) { this.error = error; }
    public LocalDateTime getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(LocalDateTime updatedAt) { this.updatedAt = updatedAt; }
}
