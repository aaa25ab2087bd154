package org.vitrine.api.blob;

import java.util.Objects;

/**
 * What is known about a stored blob.
 *
 * @param key         the key it is stored under
 * @param contentType its media type, e.g. {@code image/png}
 * @param size        its length in bytes
 * @param etag        a strong entity tag derived from the content (quoted, ready for an {@code ETag} header)
 */
public record BlobInfo(BlobKey key, String contentType, long size, String etag) {
    public BlobInfo {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(etag, "etag");
    }
}
