package org.vitrine.api.cad;

import java.util.Objects;

/**
 * An image fetched from a provider.
 *
 * @param contentType e.g. {@code image/png}
 * @param bytes       the image
 */
public record Picture(String contentType, byte[] bytes) {
    public Picture {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(bytes, "bytes");
    }
}
