package org.vitrine.it.onshape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The contract catches what Onshape would not accept, and what Onshape would not send. */
@Timeout(60)
class OpenApiContractTest {

    private final FakeOnshape onshape = FakeOnshape.start();
    private final OnshapeHttp http = new OnshapeHttp(onshape);
    private final String token = onshape.grantAccessToken();

    @AfterEach
    void stop() {
        onshape.close();
    }

    @Test
    void the_description_is_loaded_once_per_jvm() {
        assertTrue(OpenApiContract.loadTime().toMillis() > 0);
        assertTrue(OpenApiContract.onshape() == OpenApiContract.onshape());
        System.out.println("Onshape's OpenAPI description loaded in " + OpenApiContract.loadTime().toMillis() + " ms");
    }

    @Test
    void a_limit_that_is_not_a_number_is_a_violation() {
        HttpResponse<String> refused = http.get("/documents?limit=abc", token);
        assertEquals(400, refused.statusCode());
        assertViolation("limit=abc", "integer");
    }

    @Test
    void a_limit_above_twenty_is_a_violation() {
        assertEquals(400, http.get("/documents?limit=21", token).statusCode());
        assertViolation("limit=21", "maximum");
    }

    @Test
    void an_undeclared_query_parameter_is_a_violation() {
        assertEquals(400, http.get("/documents?limt=20", token).statusCode());
        assertViolation("limt", "query.unexpected");
    }

    @Test
    void a_path_onshape_does_not_have_is_a_violation() {
        assertEquals(404, http.get("/documentz", token).statusCode());
        assertViolation("/api/v16/documentz", "path.missing");
        assertEquals(404, http.get("/documents/", token).statusCode());
        assertViolation("/api/v16/documents/", "path.missing");
        assertEquals(404, http.get(onshape.baseUri() + "/api/v15/documents", token).statusCode());
        assertViolation("/api/v15/documents", "not under /api/v16");
        assertEquals(404, http.get(onshape.baseUri() + "/documents", token).statusCode());
        assertViolation("/documents", "neither");
    }

    @Test
    void a_method_onshape_does_not_allow_is_a_violation() {
        HttpRequest delete = http.request("/users/sessioninfo", token, OnshapeHttp.ACCEPT_JSON).DELETE().build();
        assertEquals(405, http.send(delete).statusCode());
        assertViolation("DELETE /api/v16/users/sessioninfo", "notAllowed");
    }

    @Test
    void a_call_without_a_token_is_a_violation() {
        assertEquals(401, http.get("/users/sessioninfo", null).statusCode());
        assertViolation("/api/v16/users/sessioninfo", "security.missing");
    }

    @Test
    void an_accept_header_no_operation_answers_is_a_violation_but_image_png_for_a_thumbnail_is_fine() {
        String did = onshape.addDocument(FakeDocument.named("Plate"));
        String wid = onshape.document(did).defaultWorkspace().id();
        assertEquals(200, http.image("/thumbnails/d/" + did + "/w/" + wid + "/s/300x300", token).statusCode());
        onshape.assertNoViolations();

        http.send(http.request("/documents/" + did, token, "text/csv").build());
        assertViolation("/documents/" + did, "accept.notAllowed");
    }

    @Test
    void an_operation_the_fake_does_not_implement_is_reported() {
        String did = onshape.addDocument(FakeDocument.named("Plate"));
        HttpResponse<String> missing = http.get("/thumbnails/d/" + did + "/w/"
                + onshape.document(did).defaultWorkspace().id(), token);
        assertEquals(501, missing.statusCode());
        assertViolation("/thumbnails/d/" + did, "does not implement");
    }

    @Test
    void a_broken_answer_is_a_violation() {
        String did = onshape.addDocument(FakeDocument.named("Plate"));
        onshape.tamperWithAnswers(reply -> reply.status() != 200 ? reply : new Reply(200, reply.contentType(),
                reply.headers(), reply.bodyText().replace("\"public\":false", "\"public\":\"no\"")
                        .replace("\"resourceType\"", "\"resourceKind\"").getBytes(StandardCharsets.UTF_8)));
        assertEquals(200, http.get("/documents/" + did, token).statusCode());
        List<String> violations = onshape.takeViolations();
        assertEquals(2, violations.size(), violations.toString());
        assertTrue(violations.get(0).contains("/public") || violations.get(1).contains("/public"), violations.toString());
        assertTrue(String.join("\n", violations).contains("resourceKind"), violations.toString());
    }

    @Test
    void assert_no_violations_fails_listing_each_of_them() {
        http.get("/documents?limit=abc", token);
        http.get("/documentz", token);
        AssertionError failure = assertThrows(AssertionError.class, onshape::assertNoViolations);
        assertTrue(failure.getMessage().contains("2 violation(s)"), failure.getMessage());
        assertTrue(failure.getMessage().contains("limit=abc"), failure.getMessage());
        assertTrue(failure.getMessage().contains("/documentz"), failure.getMessage());
        onshape.assertNoViolations(); // reported once, then forgotten
    }

    @Test
    void responses_are_checked_against_their_schema_and_errors_against_onshapes_shape() {
        OpenApiContract contract = OpenApiContract.onshape();
        RecordedRequest get = new RecordedRequest("GET", "/api/v16/documents/d/0123456789abcdef01234567/w/"
                + "0123456789abcdef01234567/elements", "", Map.of(), Map.of(), new byte[0], Instant.now());
        assertTrue(contract.checkResponse(get, 200, Reply.JSON, bytes("[{\"id\":\"e\",\"elementType\":\"DRAWING\"}]"))
                .isEmpty());
        assertEquals(1, contract.checkResponse(get, 200, Reply.JSON,
                bytes("[{\"id\":\"e\",\"elementType\":\"SKETCH\"}]")).size());
        assertEquals(1, contract.checkResponse(get, 200, Reply.JSON,
                bytes("[{\"id\":\"e\",\"elementKind\":\"DRAWING\"}]")).size(), "undocumented property");
        assertTrue(contract.checkResponse(get, 404, Reply.JSON, Reply.error(404, "Not found").body()).isEmpty());
        assertEquals(1, contract.checkResponse(get, 404, Reply.JSON, bytes("{\"error\":\"nope\"}")).size());
        assertEquals(1, contract.checkResponse(get, 500, "text/html", bytes("<html></html>")).size());
    }

    @Test
    void checking_is_fast_once_a_schema_has_been_seen() {
        String did = onshape.addDocument(FakeDocument.named("Warm-up"));
        http.get("/documents/" + did, token);
        int calls = 50;
        long started = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            assertEquals(200, http.get("/documents/" + did, token).statusCode());
        }
        onshape.assertNoViolations();
        double perCall = (System.nanoTime() - started) / 1e6 / calls;
        System.out.printf("GET /documents/{did} through the fake, both checks included: %.1f ms per call%n", perCall);
        assertTrue(perCall < 100, perCall + " ms per call");
    }

    private void assertViolation(String... fragments) {
        List<String> violations = onshape.takeViolations();
        assertEquals(1, violations.size(), violations.toString());
        for (String fragment : fragments) {
            assertTrue(violations.get(0).contains(fragment), "'" + fragment + "' in " + violations.get(0));
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
