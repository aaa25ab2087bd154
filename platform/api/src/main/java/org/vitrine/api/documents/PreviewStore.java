package org.vitrine.api.documents;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.vitrine.api.blob.BlobKey;

/**
 * Finds a stored preview for serving it, in one indexed lookup that also tells whether its document is shown,
 * without reading the document itself: a gallery page asks for dozens of previews at once, and each answer
 * (a 304 included) must stay as cheap as a static file.
 *
 * <p>Threading: thread-safe; calls block on the database and must return quickly (one indexed row).
 */
@ProviderType
public interface PreviewStore {

    /** The preview stored under this blob key, with its document's status; empty when there is none. */
    Optional<PreviewEntry> byBlobKey(BlobKey key);

    /**
     * The document's preview of this size, of the element with this provider id or of the whole document when
     * {@code elementExternalId} is null, with the document's status; empty when there is none.
     */
    Optional<PreviewEntry> of(long documentId, String size, String elementExternalId);
}
