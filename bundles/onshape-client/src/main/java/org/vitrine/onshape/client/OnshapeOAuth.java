package org.vitrine.onshape.client;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vitrine.api.identity.ProviderTokens;
import org.vitrine.api.problem.DomainException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Onshape's OAuth2 authorization-code flow for a confidential client: the authorize address, the code exchange
 * and refreshes (Onshape rotates refresh tokens: the newest always replaces the old). Secrets travel in the
 * form body, URL-encoded (Onshape's ids and secrets often end in '='). Tokens are returned, never logged.
 */
public final class OnshapeOAuth {

    private static final Logger LOG = LoggerFactory.getLogger(OnshapeOAuth.class);

    public static final String PROVIDER = "onshape";
    private final OnshapeConfig config;
    private final OnshapeTransport transport;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public OnshapeOAuth(OnshapeConfig config, OnshapeTransport transport, Clock clock) {
        this.config = config;
        this.transport = transport;
        this.clock = clock;
    }

    /** Where to send the person's browser; {@code state} ties the answer to their browser. */
    public URI authorizeUri(String state) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("response_type", "code");
        q.put("client_id", config.clientId());
        q.put("redirect_uri", config.redirectUrl().toString());
        q.put("scope", OnshapeConfig.SCOPES);
        q.put("state", state);
        return URI.create(config.oauthUrl().toString().replaceAll("/$", "") + "/oauth/authorize?" + form(q));
    }

    public ProviderTokens exchange(String code) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("grant_type", "authorization_code");
        f.put("code", code);
        f.put("client_id", config.clientId());
        f.put("client_secret", config.clientSecret());
        f.put("redirect_uri", config.redirectUrl().toString());
        return tokens(f);
    }

    public ProviderTokens refresh(String refreshToken) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("grant_type", "refresh_token");
        f.put("refresh_token", refreshToken);
        f.put("client_id", config.clientId());
        f.put("client_secret", config.clientSecret());
        return tokens(f);
    }

    private ProviderTokens tokens(Map<String, String> form) {
        HttpRequest request = transport.request(URI.create(config.oauthUrl().toString().replaceAll("/$", "") + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(form)))
                .build();
        try {
            HttpResponse<byte[]> response = transport.exchange(request, Lane.SIGN_IN);
            if (response.statusCode() != 200) {
                // the body may echo what was sent: never pass it on
                throw new DomainException(DomainException.Kind.UNAUTHORIZED,
                        "Onshape refused the sign-in (HTTP " + response.statusCode() + "); please try again.");
            }
            JsonNode body = json.readTree(response.body());
            String access = body.path("access_token").asText("");
            if (access.isEmpty()) {
                throw new DomainException(DomainException.Kind.UNAVAILABLE, "Onshape answered without a token.");
            }
            long expiresIn = body.path("expires_in").asLong(3600);
            String refresh = body.hasNonNull("refresh_token") ? body.path("refresh_token").asText() : form.get("refresh_token");
            return new ProviderTokens(PROVIDER, access, refresh, clock.instant().plusSeconds(expiresIn));
        } catch (IOException e) {
            // the network error names hosts and addresses: the log keeps it, the person is told what to do
            LOG.warn("Onshape could not be reached to exchange a sign-in code or token", e);
            throw new DomainException(DomainException.Kind.UNAVAILABLE, "Onshape could not be reached to sign in; try again in a moment.");
        }
    }

    static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
