package org.vitrine.store.mariadb.internal;

import java.time.LocalDateTime;

import org.vitrine.api.cad.FetchedDocument;

/** A row of {@code document_workspaces}; the provider's times as UTC {@link LocalDateTime}. */
public class WorkspaceRow {

    private String externalId;
    private String name;
    private String microversion;
    private LocalDateTime createdAtProvider;
    private LocalDateTime modifiedAtProvider;

    public WorkspaceRow() {
    }

    static WorkspaceRow of(FetchedDocument.Workspace w) {
        WorkspaceRow row = new WorkspaceRow();
        row.externalId = w.externalId();
        row.name = w.name();
        row.microversion = w.microversion();
        row.createdAtProvider = UtcTimes.toColumn(w.createdAt());
        row.modifiedAtProvider = UtcTimes.toColumn(w.modifiedAt());
        return row;
    }

    FetchedDocument.Workspace toWorkspace() {
        return new FetchedDocument.Workspace(externalId, name, microversion, UtcTimes.toInstant(createdAtProvider),
                UtcTimes.toInstant(modifiedAtProvider));
    }

    public String getExternalId() { return externalId; }
    public void setExternalId(String externalId) { this.externalId = externalId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getMicroversion() { return microversion; }
    public void setMicroversion(String microversion) { this.microversion = microversion; }
    public LocalDateTime getCreatedAtProvider() { return createdAtProvider; }
    public void setCreatedAtProvider(LocalDateTime createdAtProvider) { this.createdAtProvider = createdAtProvider; }
    public LocalDateTime getModifiedAtProvider() { return modifiedAtProvider; }
    public void setModifiedAtProvider(LocalDateTime modifiedAtProvider) { this.modifiedAtProvider = modifiedAtProvider; }
}
