package org.vitrine.store.mariadb.internal;

import org.vitrine.api.blob.BlobInfo;
import org.vitrine.api.blob.BlobKey;
import org.vitrine.api.documents.StoredPreview;

/**
 * A row of {@code previews}: where the image is in the blob store and what it is. Written with the id of its
 * element row (null for the document); read with that element's external id.
 */
public class PreviewRow {

    private Long elementId;
    private String elementExternalId;
    private String sizeLabel;
    private String blobKey;
    private String contentType;
    private Long byteSize;
    private String etag;

    public PreviewRow() {
    }

    static PreviewRow of(StoredPreview p, Long elementId) {
        PreviewRow row = new PreviewRow();
        row.elementId = elementId;
        row.elementExternalId = p.elementExternalId();
        row.sizeLabel = p.size();
        row.blobKey = p.blob().key().value();
        row.contentType = p.blob().contentType();
        row.byteSize = p.blob().size();
        row.etag = p.blob().etag();
        return row;
    }

    StoredPreview toPreview() {
        return new StoredPreview(elementExternalId, sizeLabel,
                new BlobInfo(new BlobKey(blobKey), contentType, byteSize, etag));
    }

    public Long getElementId() { return elementId; }
    public void setElementId(Long elementId) { this.elementId = elementId; }
    public String getElementExternalId() { return elementExternalId; }
    public void setElementExternalId(String elementExternalId) { this.elementExternalId = elementExternalId; }
    public String getSizeLabel() { return sizeLabel; }
    public void setSizeLabel(String sizeLabel) { this.sizeLabel = sizeLabel; }
    public String getBlobKey() { return blobKey; }
    public void setBlobKey(String blobKey) { this.blobKey = blobKey; }
    public String getContentType() { return contentType; }
    public void setContentType(String contentType) { this.contentType = contentType; }
    public Long getByteSize() { return byteSize; }
    public void setByteSize(Long byteSize) { this.byteSize = byteSize; }
    public String getEtag() { return etag; }
    public void setEtag(String etag) { this.etag = etag; }
}
