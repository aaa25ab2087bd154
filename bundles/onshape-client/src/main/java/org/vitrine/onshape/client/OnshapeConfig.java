package org.vitrine.onshape.client;

import java.net.URI;
import java.util.Map;
import java.util.Set;

import org.vitrine.api.problem.DomainException;

/**
 * Where Onshape is and who Vitrine is to it, from {@code config/onshape.properties}: {@code api.url} (default
 * https://cad.onshape.com; enterprise stacks have their own host), {@code oauth.url} (default
 * https://oauth.onshape.com), {@code client.id}, {@code client.secret} (from the environment:
 * {@code ${env:ONSHAPE_CLIENT_SECRET}}), {@code redirect.url}, and optional instance API keys
 * {@code api.access.key} / {@code api.secret.key}; how Vitrine calls it ({@link OnshapeSettings}).
 */
public record OnshapeConfig(URI apiUrl, URI oauthUrl, String clientId, String clientSecret, URI redirectUrl,
                            String accessKey, String secretKey, int maxConcurrency, int timeoutSeconds,
                            int interactiveConcurrency, int attempts) {

    /** Version of the REST API Vitrine speaks. */
    public static final String API_VERSION = "v16";
    /** Read-only scopes: the profile and documents, nothing else. */
    public static final String SCOPES = "OAuth2ReadPII OAuth2Read";

    public static OnshapeConfig from(Map<String, ?> props, String publicUrl) {
        URI api = uri(props, "api.url", "https://cad.onshape.com");
        URI oauth = uri(props, "oauth.url", "https://oauth.onshape.com");
        String fallbackRedirect = (publicUrl == null ? "http://localhost:8080" : publicUrl.replaceAll("/$", ""))
                + "/api/auth/onshape/callback";
        URI redirect = uri(props, "redirect.url", fallbackRedirect);
        return new OnshapeConfig(api, oauth, text(props, "client.id"), text(props, "client.secret"), redirect,
                text(props, "api.access.key"), text(props, "api.secret.key"),
                number(props, "max.concurrency", 4), number(props, "timeout.seconds", 30),
                number(props, "interactive.concurrency", 4), number(props, "attempts", 5));
    }

    public boolean oauthConfigured() {
        return !clientId.isEmpty() && !clientSecret.isEmpty();
    }

    public boolean apiKeysConfigured() {
        return !accessKey.isEmpty() && !secretKey.isEmpty();
    }

    /** The base of every REST call, e.g. https://cad.onshape.com/api/v16. */
    public String apiBase() {
        return apiUrl.toString().replaceAll("/$", "") + "/api/" + API_VERSION;
    }

    /** Hosts whose document URLs are Onshape documents: the API host only, as the admin configured it. */
    public Set<String> documentOrigins() {
        return Set.of(origin(apiUrl));
    }

    static String origin(URI uri) {
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("https".equals(uri.getScheme()) && port == 443)
                || ("http".equals(uri.getScheme()) && port == 80);
        return uri.getScheme().toLowerCase() + "://" + uri.getHost().toLowerCase() + (defaultPort ? "" : ":" + port);
    }

    private static URI uri(Map<String, ?> props, String key, String fallback) {
        String raw = text(props, key);
        String value = raw.isEmpty() ? fallback : raw;
        try {
            URI uri = URI.create(value);
            if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw DomainException.badRequest("config/onshape.properties: key '" + key + "': '" + value + "' is not an http(s) URL");
        }
    }

    private static String text(Map<String, ?> props, String key) {
        Object v = props.get(key);
        return v == null ? "" : v.toString().trim();
    }

    private static int number(Map<String, ?> props, String key, int fallback) {
        String v = text(props, key);
        try {
            return v.isEmpty() ? fallback : Math.max(1, Integer.parseInt(v));
        } catch (NumberFormatException e) {
            throw DomainException.badRequest("config/onshape.properties: key '" + key + "': '" + v + "' is not a number");
        }
    }
}
