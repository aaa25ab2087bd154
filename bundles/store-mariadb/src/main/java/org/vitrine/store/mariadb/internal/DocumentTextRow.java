package org.vitrine.store.mariadb.internal;

/** One text of a document (a tag, an element's name). */
public class DocumentTextRow {

    private long documentId;
    private String value;

    public long getDocumentId() { return documentId; }
    public void setDocumentId(long documentId) { this.documentId = documentId; }
    public String getValue() { return value; }
    public void setValue(String value) { this.value = value; }
}
