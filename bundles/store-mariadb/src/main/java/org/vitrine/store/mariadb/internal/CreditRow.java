package org.vitrine.store.mariadb.internal;

/** A designer credited on one document of a catalog page. */
public class CreditRow {

    private long documentId;
    private long designerId;
    private String name;

    public long getDocumentId() { return documentId; }
    public void setDocumentId(long documentId) { this.documentId = documentId; }
    public long getDesignerId() { return designerId; }
    public void setDesignerId(long designerId) { this.designerId = designerId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
}
