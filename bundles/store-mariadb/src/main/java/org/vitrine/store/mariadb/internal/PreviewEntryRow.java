package org.vitrine.store.mariadb.internal;

import java.util.Locale;

import org.vitrine.api.blob.BlobInfo;
import org.vitrine.api.blob.BlobKey;
import org.vitrine.api.documents.DocumentStatus;
import org.vitrine.api.documents.PreviewEntry;

/** A row of {@code previews} with its document's status, as serving a preview reads it. */
public class PreviewEntryRow {

    private long documentId;
    private String status;
    private String blobKey;
    private String contentType;
    private long byteSize;
    private String etag;

    public PreviewEntryRow() {
    }

    PreviewEntry toEntry() {
        return new PreviewEntry(documentId, DocumentStatus.valueOf(status.toUpperCase(Locale.ROOT)),
                new BlobInfo(new BlobKey(blobKey), contentType, byteSize, etag));
    }

    public long getDocumentId() { return documentId; }
    public void setDocumentId(long documentId) { this.documentId = documentId; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getBlobKey() { return blobKey; }
    public void setBlobKey(String blobKey) { this.blobKey = blobKey; }
    public String getContentType() { return contentType; }
    public void setContentType(String contentType) { this.contentType = contentType; }
    public long getByteSize() { return byteSize; }
    public void setByteSize(long byteSize) { this.byteSize = byteSize; }
    public String getEtag() { return etag; }
    public void setEtag(String etag) { this.etag = etag; }
}
