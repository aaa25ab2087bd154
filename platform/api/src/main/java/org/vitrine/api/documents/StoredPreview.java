package org.vitrine.api.documents;

import org.vitrine.api.blob.BlobInfo;

/**
 * A preview kept in the blob store.
 *
 * @param elementExternalId the element it shows, or null for the document
 * @param size              e.g. {@code 300x170}
 * @param blob              where the image is and what it is
 */
public record StoredPreview(String elementExternalId, String size, BlobInfo blob) {
}
