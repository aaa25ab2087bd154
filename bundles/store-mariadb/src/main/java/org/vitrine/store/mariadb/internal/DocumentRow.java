package org.vitrine.store.mariadb.internal;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import org.vitrine.api.cad.FetchedDocument;
import org.vitrine.api.documents.DocumentStatus;
import org.vitrine.api.documents.PublishedDocument;

/**
 * A row of {@code documents} with, when read, the rows that belong to it. Status travels as the lower-case
 * name of the schema's ENUM; times as UTC {@link LocalDateTime} (see {@link UtcTimes}).
 */
public class DocumentRow {

    private Long id;
    private String provider;
    private String externalId;
    private String name;
    private String description;
    private String ownerName;
    private String ownerExternalId;
    private LocalDateTime providerCreatedAt;
    private LocalDateTime providerModifiedAt;
    private String defaultWorkspaceId;
    private String sourceUrl;
    private String licence;
    private String tagsText;
    private Long importedBy;
    private String status;
    private LocalDateTime createdAt;
    private LocalDateTime updatedAt;
    private List<String> tags = new ArrayList<>();
    private List<ElementRow> elements = new ArrayList<>();
    private List<WorkspaceRow> workspaces = new ArrayList<>();
    private List<VersionRow> versions = new ArrayList<>();
    private List<DesignerRow> designers = new ArrayList<>();
    private List<PreviewRow> previews = new ArrayList<>();

    public DocumentRow() {
    }

    /** The row to insert for a new document; an existing one keeps its licence, status, importer and creation time. */
    static DocumentRow imported(FetchedDocument d, long importedBy, String licence, LocalDateTime now) {
        DocumentRow row = new DocumentRow();
        row.provider = d.ref().provider();
        row.externalId = d.ref().externalId();
        row.name = d.name();
        row.description = d.description();
        row.ownerName = d.ownerName();
        row.ownerExternalId = d.designers().stream()
                .filter(designer -> "owner".equalsIgnoreCase(designer.role()))
                .map(FetchedDocument.Designer::externalId)
                .findFirst().orElse(null);
        row.providerCreatedAt = UtcTimes.toColumn(d.createdAt());
        row.providerModifiedAt = UtcTimes.toColumn(d.modifiedAt());
        row.defaultWorkspaceId = d.defaultWorkspaceId();
        row.sourceUrl = d.ref().sourceUrl();
        row.licence = licence;
        row.tags = List.copyOf(new LinkedHashSet<>(d.tags()));
        row.tagsText = String.join(" ", row.tags);
        row.importedBy = importedBy;
        row.status = AccountRow.dbName(DocumentStatus.PUBLIC);
        row.createdAt = now;
        row.updatedAt = now;
        return row;
    }

    PublishedDocument toDocument() {
        return new PublishedDocument(id, provider, externalId, name, description, ownerName,
                UtcTimes.toInstant(providerCreatedAt), UtcTimes.toInstant(providerModifiedAt), defaultWorkspaceId,
                sourceUrl, licence, DocumentStatus.valueOf(status.toUpperCase(Locale.ROOT)), importedBy,
                UtcTimes.toInstant(updatedAt), List.copyOf(tags),
                elements.stream().map(ElementRow::toElement).toList(),
                workspaces.stream().map(WorkspaceRow::toWorkspace).toList(),
                versions.stream().map(VersionRow::toVersion).toList(),
                designers.stream().map(DesignerRow::toCredit).toList(),
                previews.stream().map(PreviewRow::toPreview).toList());
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getProvider() { return provider; }
    public void setProvider(String provider) { this.provider = provider; }
    public String getExternalId() { return externalId; }
    public void setExternalId(String externalId) { this.externalId = externalId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getOwnerName() { return ownerName; }
    public void setOwnerName(String ownerName) { this.ownerName = ownerName; }
    public String getOwnerExternalId() { return ownerExternalId; }
    public void setOwnerExternalId(String ownerExternalId) { this.ownerExternalId = ownerExternalId; }
    public LocalDateTime getProviderCreatedAt() { return providerCreatedAt; }
    public void setProviderCreatedAt(LocalDateTime providerCreatedAt) { this.providerCreatedAt = providerCreatedAt; }
    public LocalDateTime getProviderModifiedAt() { return providerModifiedAt; }
    public void setProviderModifiedAt(LocalDateTime providerModifiedAt) { this.providerModifiedAt = providerModifiedAt; }
    public String getDefaultWorkspaceId() { return defaultWorkspaceId; }
    public void setDefaultWorkspaceId(String defaultWorkspaceId) { this.defaultWorkspaceId = defaultWorkspaceId; }
    public String getSourceUrl() { return sourceUrl; }
    public void setSourceUrl(String sourceUrl) { this.sourceUrl = sourceUrl; }
    public String getLicence() { return licence; }
    public void setLicence(String licence) { this.licence = licence; }
    public String getTagsText() { return tagsText; }
    public void setTagsText(String tagsText) { this.tagsText = tagsText; }
    public Long getImportedBy() { return importedBy; }
    public void setImportedBy(Long importedBy) { this.importedBy = importedBy; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }
    public LocalDateTime getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(LocalDateTime updatedAt) { this.updatedAt = updatedAt; }
    public List<String> getTags() { return tags; }
    public void setTags(List<String> tags) { this.tags = tags; }
    public List<ElementRow> getElements() { return elements; }
    public void setElements(List<ElementRow> elements) { this.elements = elements; }
    public List<WorkspaceRow> getWorkspaces() { return workspaces; }
    public void setWorkspaces(List<WorkspaceRow> workspaces) { this.workspaces = workspaces; }
    public List<VersionRow> getVersions() { return versions; }
    public void setVersions(List<VersionRow> versions) { this.versions = versions; }
    public List<DesignerRow> getDesigners() { return designers; }
    public void setDesigners(List<DesignerRow> designers) { this.designers = designers; }
    public List<PreviewRow> getPreviews() { return previews; }
    public void setPreviews(List<PreviewRow> previews) { this.previews = previews; }
}
