package org.vitrine.store.mariadb.internal;

/** The searchable columns of a public document. */
public class SearchDocumentRow {

    private long id;
    private String name;
    private String description;
    private String provider;
    private String licence;

    public long getId() { return id; }
    public void setId(long id) { this.id = id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getProvider() { return provider; }
    public void setProvider(String provider) { this.provider = provider; }
    public String getLicence() { return licence; }
    public void setLicence(String licence) { this.licence = licence; }
}
