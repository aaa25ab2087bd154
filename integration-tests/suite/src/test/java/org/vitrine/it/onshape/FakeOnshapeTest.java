package org.vitrine.it.onshape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;

/** The fake's OAuth2 server: the code flow, single-use codes, rotating refresh tokens, expiry. */
@Timeout(60)
class FakeOnshapeTest {

    private static final String CALLBACK = "http://127.0.0.1:9/vitrine/onshape/callback";

    private final FakeOnshape onshape = FakeOnshape.start().redirectUri(CALLBACK);
    private final OnshapeHttp http = new OnshapeHttp(onshape);

    @AfterEach
    void stop() {
        onshape.close();
    }

    @Test
    void the_code_flow_yields_a_token_that_reads_the_session_info() {
        HttpResponse<String> consent = authorize("state-42");
        assertEquals(302, consent.statusCode());
        URI back = URI.create(consent.headers().firstValue("Location").orElseThrow());
        assertTrue(back.toString().startsWith(CALLBACK + "?code="), back.toString());
        Map<String, List<String>> query = FormEncoding.decode(back.getRawQuery());
        assertEquals(List.of("state-42"), query.get("state"));

        JsonNode tokens = exchange(query.get("code").get(0), onshape.oauthClient().clientSecret(), CALLBACK);
        assertEquals("Bearer", tokens.path("token_type").asText());
        assertEquals(3600, tokens.path("expires_in").asInt());
        assertFalse(tokens.path("refresh_token").asText().isEmpty());

        HttpResponse<String> me = http.get("/users/sessioninfo", tokens.path("access_token").asText());
        assertEquals(200, me.statusCode(), me.body());
        JsonNode user = OnshapeHttp.json(me);
        assertTrue(user.path("id").asText().matches("[0-9a-f]{24}"), user.toString());
        assertEquals("Ada Lovelace", user.path("name").asText());
        assertEquals("Ada", user.path("firstName").asText());
        assertEquals("ada.lovelace@example.com", user.path("email").asText());
        assertEquals("Acme Robotics", user.path("company").path("name").asText());
        assertTrue(onshape.issuedTokens().contains(tokens.path("access_token").asText()));
        assertTrue(onshape.issuedTokens().contains(tokens.path("refresh_token").asText()));
    }

    @Test
    void the_signed_in_user_is_configurable() {
        FakeUser grace = FakeUser.named("Grace", "Hopper").withEmail("grace@navy.example")
                .withCompany("0123456789abcdef01234567", "Navy");
        onshape.signedInUser(grace);
        JsonNode user = OnshapeHttp.json(http.get("/users/sessioninfo", onshape.grantAccessToken()));
        assertEquals(grace.id(), user.path("id").asText());
        assertEquals("Hopper", user.path("lastName").asText());
        assertEquals("grace@navy.example", user.path("email").asText());
        assertEquals("0123456789abcdef01234567", user.path("company").path("id").asText());

        onshape.signedInUser(grace.withoutCompany());
        assertFalse(OnshapeHttp.json(http.get("/users/sessioninfo", onshape.grantAccessToken())).has("company"));
    }

    @Test
    void a_code_works_only_once() {
        String code = code(authorize("s"));
        exchange(code, onshape.oauthClient().clientSecret(), CALLBACK);
        assertInvalidGrant(tokenCall(code, onshape.oauthClient().clientSecret(), CALLBACK));
    }

    @Test
    void a_code_expires_sixty_seconds_after_issue() {
        String code = code(authorize("s"));
        onshape.advanceClock(Duration.ofSeconds(61));
        assertInvalidGrant(tokenCall(code, onshape.oauthClient().clientSecret(), CALLBACK));
    }

    @Test
    void a_wrong_secret_redirect_or_code_is_an_invalid_grant() {
        String code = code(authorize("s"));
        assertInvalidGrant(tokenCall(code, "not-the-secret=", CALLBACK));
        assertInvalidGrant(tokenCall(code, onshape.oauthClient().clientSecret(), CALLBACK + "/other"));
        assertInvalidGrant(tokenCall("made-up-code", onshape.oauthClient().clientSecret(), CALLBACK));
        exchange(code, onshape.oauthClient().clientSecret(), CALLBACK);
    }

    @Test
    void a_refusal_comes_back_as_access_denied_with_the_state() {
        onshape.refuseConsent(true);
        HttpResponse<String> refused = authorize("xyz");
        assertEquals(302, refused.statusCode());
        assertEquals(CALLBACK + "?error=access_denied&state=xyz", refused.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void an_unknown_client_or_redirect_uri_is_never_redirected_to() {
        Map<String, String> wrongRedirect = authorizeParameters("s");
        wrongRedirect.put("redirect_uri", "https://attacker.example/steal");
        HttpResponse<String> refused = http.authorize(wrongRedirect);
        assertEquals(400, refused.statusCode());
        assertTrue(refused.headers().firstValue("Location").isEmpty());

        Map<String, String> wrongClient = authorizeParameters("s");
        wrongClient.put("client_id", "someone-else");
        assertEquals(400, http.authorize(wrongClient).statusCode());
    }

    @Test
    void calling_the_token_endpoint_with_get_is_a_violation() {
        assertEquals(404, http.send(HttpRequest.newBuilder(onshape.tokenUri()).GET().build())
                .statusCode());
        List<String> violations = onshape.takeViolations();
        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.get(0).contains("GET /oauth/token"), violations.toString());
    }

    @Test
    void refreshing_rotates_the_refresh_token() {
        JsonNode first = exchange(code(authorize("s")), onshape.oauthClient().clientSecret(), CALLBACK);
        String oldRefresh = first.path("refresh_token").asText();

        HttpResponse<String> refreshed = http.token(refreshForm(oldRefresh));
        assertEquals(200, refreshed.statusCode(), refreshed.body());
        JsonNode second = OnshapeHttp.json(refreshed);
        assertNotEquals(oldRefresh, second.path("refresh_token").asText());
        assertNotEquals(first.path("access_token").asText(), second.path("access_token").asText());
        assertEquals(200, http.get("/users/sessioninfo", second.path("access_token").asText()).statusCode());

        assertInvalidGrant(http.token(refreshForm(oldRefresh)));
        assertEquals(200, http.token(refreshForm(second.path("refresh_token").asText())).statusCode());
        assertEquals(6, onshape.issuedTokens().size());
    }

    @Test
    void an_expired_access_token_gets_401_in_onshapes_error_shape() {
        onshape.accessTokenLifetime(Duration.ofSeconds(30));
        JsonNode tokens = exchange(code(authorize("s")), onshape.oauthClient().clientSecret(), CALLBACK);
        assertEquals(30, tokens.path("expires_in").asInt());
        onshape.advanceClock(Duration.ofSeconds(31));

        HttpResponse<String> expired = http.get("/users/sessioninfo", tokens.path("access_token").asText());
        assertEquals(401, expired.statusCode());
        JsonNode error = OnshapeHttp.json(expired);
        assertEquals(401, error.path("status").asInt());
        assertEquals(0, error.path("code").asInt());
        assertTrue(error.path("message").isTextual());
        assertEquals("", error.path("moreInfoUrl").asText());

        HttpResponse<String> refreshed = http.token(refreshForm(tokens.path("refresh_token").asText()));
        assertEquals(200, http.get("/users/sessioninfo", OnshapeHttp.json(refreshed).path("access_token").asText())
                .statusCode());
    }

    @Test
    void revoked_tokens_get_401() {
        String token = onshape.grantAccessToken();
        onshape.expireAccessTokens();
        assertEquals(401, http.get("/users/sessioninfo", token).statusCode());
        assertEquals(401, http.get("/users/sessioninfo", "not-a-token").statusCode());
    }

    @Test
    void revoked_grants_refuse_their_access_and_refresh_tokens_until_the_person_authorizes_again() throws Exception {
        JsonNode tokens = exchange(code(authorize("r")), onshape.oauthClient().clientSecret(), CALLBACK);
        onshape.revokeGrants();

        assertEquals(401, http.get("/users/sessioninfo", tokens.path("access_token").asText()).statusCode());
        assertInvalidGrant(http.token(refreshForm(tokens.path("refresh_token").asText())));

        JsonNode again = exchange(code(authorize("r2")), onshape.oauthClient().clientSecret(), CALLBACK);
        assertEquals(200, http.get("/users/sessioninfo", again.path("access_token").asText()).statusCode());
    }

    private Map<String, String> authorizeParameters(String state) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("response_type", "code");
        parameters.put("client_id", onshape.oauthClient().clientId());
        parameters.put("redirect_uri", CALLBACK);
        parameters.put("state", state);
        parameters.put("scope", "OAuth2ReadPII OAuth2Read");
        return parameters;
    }

    private HttpResponse<String> authorize(String state) {
        return http.authorize(authorizeParameters(state));
    }

    private static String code(HttpResponse<String> consent) {
        URI back = URI.create(consent.headers().firstValue("Location").orElseThrow());
        return FormEncoding.decode(back.getRawQuery()).get("code").get(0);
    }

    private HttpResponse<String> tokenCall(String code, String secret, String redirectUri) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("client_id", onshape.oauthClient().clientId());
        form.put("client_secret", secret);
        form.put("redirect_uri", redirectUri);
        return http.token(form);
    }

    private JsonNode exchange(String code, String secret, String redirectUri) {
        HttpResponse<String> response = tokenCall(code, secret, redirectUri);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
        return OnshapeHttp.json(response);
    }

    private Map<String, String> refreshForm(String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        form.put("client_id", onshape.oauthClient().clientId());
        form.put("client_secret", onshape.oauthClient().clientSecret());
        return form;
    }

    private static void assertInvalidGrant(HttpResponse<String> response) {
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("invalid_grant", OnshapeHttp.json(response).path("error").asText());
    }
}
