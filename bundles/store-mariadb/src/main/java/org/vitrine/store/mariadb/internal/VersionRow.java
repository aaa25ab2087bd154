package org.vitrine.store.mariadb.internal;

import java.time.LocalDateTime;

import org.vitrine.api.cad.FetchedDocument;

/** A row of {@code document_versions}; the provider's time as UTC {@link LocalDateTime}. */
public class VersionRow {

    private String externalId;
    private String name;
    private String description;
    private String microversion;
    private String creatorName;
    private LocalDateTime createdAtProvider;

    public VersionRow() {
    }

    static VersionRow of(FetchedDocument.Version v) {
        VersionRow row = new VersionRow();
        row.externalId = v.externalId();
        row.name = v.name();
        row.description = v.description();
        row.microversion = v.microversion();
        row.creatorName = v.creatorName();
        row.createdAtProvider = UtcTimes.toColumn(v.createdAt());
        return row;
    }

    FetchedDocument.Version toVersion() {
        return new FetchedDocument.Version(externalId, name, description, microversion, creatorName,
                UtcTimes.toInstant(createdAtProvider));
    }

    public String getExternalId() { return externalId; }
    public void setExternalId(String externalId) { this.externalId = externalId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getMicroversion() { return microversion; }
    public void setMicroversion(String microversion) { this.microversion = microversion; }
    public String getCreatorName() { return creatorName; }
    public void setCreatorName(String creatorName) { this.creatorName = creatorName; }
    public LocalDateTime getCreatedAtProvider() { return createdAtProvider; }
    public void setCreatedAtProvider(LocalDateTime createdAtProvider) { this.createdAtProvider = createdAtProvider; }
}
