package org.vitrine.api.cad;

import java.util.Objects;

/**
 * Which document to import, as a provider identifies it.
 *
 * @param provider   the provider id
 * @param externalId the provider's document id
 * @param sourceUrl  the address a person would open it at; may be null
 */
public record DocumentRef(String provider, String externalId, String sourceUrl) {
    public DocumentRef {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(externalId, "externalId");
    }
}
