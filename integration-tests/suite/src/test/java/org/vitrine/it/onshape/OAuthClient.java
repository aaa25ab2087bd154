package org.vitrine.it.onshape;

import java.util.Locale;

/**
 * The OAuth application registered with the fake, as it would be registered with Onshape.
 * Onshape's client ids and secrets often end in {@code =}; the defaults do too, so encoding mistakes show.
 */
public record OAuthClient(String clientId, String clientSecret, String redirectUri) {

    static OAuthClient defaults() {
        return new OAuthClient("VITRINEFAKECLIENTID" + OnshapeIds.next().toUpperCase(Locale.ROOT) + "=",
                OnshapeIds.secret(24) + "=", "http://127.0.0.1/oauth/callback");
    }

    public OAuthClient withRedirectUri(String uri) {
        return new OAuthClient(clientId, clientSecret, uri);
    }
}
