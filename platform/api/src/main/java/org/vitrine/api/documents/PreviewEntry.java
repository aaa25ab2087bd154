package org.vitrine.api.documents;

import java.util.Objects;

import org.vitrine.api.blob.BlobInfo;

/**
 * A stored preview as serving it needs: its document and whether that document is shown, and the image.
 *
 * @param documentId the document it belongs to
 * @param status     that document's status: a taken-down document's previews are not served
 * @param blob       where the image is and what it is
 */
public record PreviewEntry(long documentId, DocumentStatus status, BlobInfo blob) {
    public PreviewEntry {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(blob, "blob");
    }
}
