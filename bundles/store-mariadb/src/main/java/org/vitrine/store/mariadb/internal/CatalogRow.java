package org.vitrine.store.mariadb.internal;

import java.time.LocalDateTime;
import java.util.List;

import org.vitrine.api.blob.BlobInfo;
import org.vitrine.api.blob.BlobKey;
import org.vitrine.api.documents.CatalogPage;

/** A row of the catalog query. */
public class CatalogRow {

    private long id;
    private String name;
    private String provider;
    private String licence;
    private LocalDateTime updatedAt;
    private boolean hasPreview;
    private String previewKey;
    private String previewType;
    private long previewSize;
    private String previewEtag;

    CatalogPage.Entry toEntry(List<CatalogPage.DesignerName> designers) {
        BlobInfo preview = previewKey == null || previewEtag == null ? null : new BlobInfo(new BlobKey(previewKey), previewType, previewSize, previewEtag);
        return new CatalogPage.Entry(id, name, provider, licence, UtcTimes.toInstant(updatedAt), hasPreview, designers, preview);
    }

    public long getId() { return id; }
    public void setId(long id) { this.id = id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getProvider() { return provider; }
    public void setProvider(String provider) { this.provider = provider; }
    public String getLicence() { return licence; }
    public void setLicence(String licence) { this.licence = licence; }
    public LocalDateTime getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(LocalDateTime updatedAt) { this.updatedAt = updatedAt; }
    public boolean isHasPreview() { return hasPreview; }
    public void setHasPreview(boolean hasPreview) { this.hasPreview = hasPreview; }
    public String getPreviewKey() { return previewKey; }
    public void setPreviewKey(String previewKey) { this.previewKey = previewKey; }
    public String getPreviewType() { return previewType; }
    public void setPreviewType(String previewType) { this.previewType = previewType; }
    public long getPreviewSize() { return previewSize; }
    public void setPreviewSize(long previewSize) { this.previewSize = previewSize; }
    public String getPreviewEtag() { return previewEtag; }
    public void setPreviewEtag(String previewEtag) { this.previewEtag = previewEtag; }
}
