package org.vitrine.onshape.client;

/** Supplies the bearer token for API calls, and a fresh one when Onshape says the current one expired. */
public interface TokenSource {

    /** The token to use now (refreshed first when it is about to expire). */
    String accessToken();

    /** Forces a refresh after a 401; returns the new token, or throws when the grant was revoked. */
    String refreshed();
}
