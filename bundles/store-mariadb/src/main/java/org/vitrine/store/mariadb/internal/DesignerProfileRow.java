package org.vitrine.store.mariadb.internal;

import org.vitrine.api.documents.Designer;

/** A row of {@code designers} with the number of public documents that credit them. */
public class DesignerProfileRow {

    private long id;
    private String provider;
    private String displayName;
    private String avatarUrl;
    private String company;
    private long documentCount;

    Designer toDesigner() {
        return new Designer(id, provider, displayName, avatarUrl, company, documentCount);
    }

    public long getId() { return id; }
    public void setId(long id) { this.id = id; }
    public String getProvider() { return provider; }
    public void setProvider(String provider) { this.provider = provider; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getAvatarUrl() { return avatarUrl; }
    public void setAvatarUrl(String avatarUrl) { this.avatarUrl = avatarUrl; }
    public String getCompany() { return company; }
    public void setCompany(String company) { this.company = company; }
    public long getDocumentCount() { return documentCount; }
    public void setDocumentCount(long documentCount) { this.documentCount = documentCount; }
}
