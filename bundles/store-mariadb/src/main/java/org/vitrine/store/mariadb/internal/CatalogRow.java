package org.vitrine.store.mariadb.internal;

import java.time.LocalDateTime;
import java.util.List;

import org.vitrine.api.documents.CatalogPage;

/** A row of the catalog query. */
public class CatalogRow {

    private long id;
    private String name;
    private String provider;
    private String licence;
    private LocalDateTime updatedAt;
    private boolean hasPreview;

    CatalogPage.Entry toEntry(List<CatalogPage.DesignerName> designers) {
        return new CatalogPage.Entry(id, name, provider, licence, UtcTimes.toInstant(updatedAt), hasPreview, designers);
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
}
