package org.vitrine.api.blob;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Binary content (previews, uploaded files) by key.
 *
 * <p>Threading: thread-safe. Calls block on I/O: call them off latency-critical paths or accept disk
 * latency. A {@link #put} is atomic: readers see the old content or the new one, never a partial file.
 */
@ProviderType
public interface BlobStore {

    /** Stores the content under the key, replacing what was there, and returns what was stored. */
    BlobInfo put(BlobKey key, String contentType, InputStream content) throws IOException;

    /** What is stored under the key, if anything. */
    Optional<BlobInfo> info(BlobKey key) throws IOException;

    /** Opens the content for reading; the caller closes the stream. Empty when nothing is stored. */
    Optional<InputStream> open(BlobKey key) throws IOException;

    /** Removes the content; returns whether something was removed. */
    boolean delete(BlobKey key) throws IOException;
}
