package org.vitrine.api.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * OAuth tokens a provider issued for a person. They live only in that person's server-side session: never in
 * the database, files or logs. {@link #toString()} never shows them.
 *
 * @param provider     the provider id, e.g. {@code onshape}
 * @param accessToken  the bearer token
 * @param refreshToken the token that gets a new access token (rotated by some providers); may be null
 * @param expiresAt    when the access token stops working
 */
public record ProviderTokens(String provider, String accessToken, String refreshToken, Instant expiresAt) {

    /** Session attribute name under which a provider's tokens are kept. */
    public static String attributeFor(String provider) {
        return "provider-tokens:" + provider;
    }

    public ProviderTokens {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "ProviderTokens[" + provider + ", expires " + expiresAt + "]";
    }
}
