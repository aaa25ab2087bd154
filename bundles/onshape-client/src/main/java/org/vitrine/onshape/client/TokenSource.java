package org.vitrine.onshape.client;

import java.net.URI;
import java.util.Map;

import org.vitrine.api.problem.DomainException;

/**
 * How Vitrine proves itself to Onshape's API: a person's bearer token (refreshed when it is about to expire or
 * after a 401), or the instance's API keys ({@link ApiKeySigner}).
 */
public interface TokenSource {

    /** The token to use now (refreshed first when it is about to expire). */
    String accessToken();

    /** Forces a refresh after a 401; returns the new token, or throws when the grant was revoked. */
    String refreshed();

    /**
     * Onshape refused the token even after a refresh: the grant was revoked. Forgets tokens that will never work
     * again, so nothing retries them; returns the failure to report.
     */
    default RuntimeException rejected() {
        return new DomainException(DomainException.Kind.UNAUTHORIZED,
                "Onshape no longer accepts your sign-in: connect your Onshape account again.");
    }

    /** The headers that authorise this request. */
    default Map<String, String> authorize(String method, URI uri) {
        return Map.of("Authorization", "Bearer " + accessToken());
    }
}
