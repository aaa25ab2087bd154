package org.vitrine.it.onshape;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * {@code /oauth/authorize} and {@code /oauth/token} as Onshape's OAuth server answers them (plain OAuth2 code
 * flow, confidential client, secret in the form body). These are not part of the OpenAPI description.
 * <p>
 * Authorize answers at once, as if the person had consented (or refused, when the test says so). An unknown
 * client or a redirect URI that differs from the registered one gets an error page and no redirect, because an
 * authorization server must never send codes to an address it does not know.
 */
final class OAuthEndpoints implements HttpHandler {

    static final Set<String> SCOPES = Set.of("OAuth2ReadPII", "OAuth2Read", "OAuth2Write", "OAuth2Delete",
            "OAuth2Purchase", "OAuth2Share");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final RequestLog log;
    private final Violations violations;
    private final TokenLedger tokens;
    private final Supplier<OAuthClient> client;
    private volatile boolean refuseConsent;

    OAuthEndpoints(RequestLog log, Violations violations, TokenLedger tokens, Supplier<OAuthClient> client) {
        this.log = log;
        this.violations = violations;
        this.tokens = tokens;
        this.client = client;
    }

    void refuseConsent(boolean refuse) {
        refuseConsent = refuse;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        RecordedRequest request = log.record(exchange);
        Reply reply;
        if ("/oauth/authorize".equals(request.path()) && "GET".equals(request.method())) {
            reply = authorize(request.query());
        } else if ("/oauth/token".equals(request.path()) && "POST".equals(request.method())) {
            reply = token(request);
        } else {
            violations.add(request.describe() + " is not how Onshape's OAuth server is called "
                    + "(GET /oauth/authorize, POST /oauth/token)");
            reply = Reply.text(404, "Not found");
        }
        reply.sendTo(exchange);
    }

    private Reply authorize(Map<String, List<String>> query) {
        OAuthClient registered = client.get();
        if (!registered.clientId().equals(one(query, "client_id"))
                || !registered.redirectUri().equals(one(query, "redirect_uri"))) {
            return Reply.text(400, "invalid_request: unknown client_id or unregistered redirect_uri");
        }
        String state = one(query, "state");
        String scope = one(query, "scope");
        if (!"code".equals(one(query, "response_type"))) {
            return back(registered, "error=unsupported_response_type", state);
        }
        if (scope != null && !scope.isBlank() && !SCOPES.containsAll(List.of(scope.trim().split("\\s+")))) {
            return back(registered, "error=invalid_scope", state);
        }
        if (refuseConsent) {
            return back(registered, "error=access_denied", state);
        }
        String code = tokens.issueCode(registered.clientId(), registered.redirectUri());
        return back(registered, "code=" + FormEncoding.encodeOne(code), state);
    }

    private static Reply back(OAuthClient registered, String outcome, String state) {
        String uri = registered.redirectUri();
        String separator = uri.contains("?") ? "&" : "?";
        String withState = state == null ? "" : "&state=" + FormEncoding.encodeOne(state);
        return Reply.redirect(uri + separator + outcome + withState);
    }

    private Reply token(RecordedRequest request) {
        String type = request.header("content-type").orElse("");
        if (!type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return tokenError("invalid_request");
        }
        Map<String, List<String>> form = FormEncoding.decode(request.bodyText());
        String grantType = one(form, "grant_type");
        if ("authorization_code".equals(grantType)) {
            return exchangeCode(form);
        }
        if ("refresh_token".equals(grantType)) {
            return refresh(form);
        }
        return tokenError(grantType == null ? "invalid_request" : "unsupported_grant_type");
    }

    private Reply exchangeCode(Map<String, List<String>> form) {
        String code = one(form, "code");
        String redirectUri = one(form, "redirect_uri");
        if (code == null || redirectUri == null || !authenticated(form)) {
            return tokenError(code == null || redirectUri == null ? "invalid_request" : "invalid_grant");
        }
        return tokens.redeem(code, one(form, "client_id"), redirectUri)
                .map(OAuthEndpoints::granted).orElseGet(() -> tokenError("invalid_grant"));
    }

    private Reply refresh(Map<String, List<String>> form) {
        String refreshToken = one(form, "refresh_token");
        if (refreshToken == null || !authenticated(form)) {
            return tokenError(refreshToken == null ? "invalid_request" : "invalid_grant");
        }
        return tokens.refresh(refreshToken, one(form, "client_id"))
                .map(OAuthEndpoints::granted).orElseGet(() -> tokenError("invalid_grant"));
    }

    private boolean authenticated(Map<String, List<String>> form) {
        OAuthClient registered = client.get();
        return registered.clientId().equals(one(form, "client_id"))
                && registered.clientSecret().equals(one(form, "client_secret"));
    }

    private static Reply granted(TokenLedger.Grant grant) {
        ObjectNode body = MAPPER.createObjectNode()
                .put("access_token", grant.accessToken())
                .put("token_type", "Bearer")
                .put("expires_in", grant.expiresInSeconds())
                .put("refresh_token", grant.refreshToken());
        return Reply.json(200, body).withHeader("Cache-Control", "no-store");
    }

    private static Reply tokenError(String error) {
        return Reply.json(400, MAPPER.createObjectNode().put("error", error)).withHeader("Cache-Control", "no-store");
    }

    /** The single value of a parameter; null when absent or given more than once. */
    private static String one(Map<String, List<String>> values, String name) {
        List<String> given = values.get(name);
        return given == null || given.size() != 1 ? null : given.get(0);
    }
}
