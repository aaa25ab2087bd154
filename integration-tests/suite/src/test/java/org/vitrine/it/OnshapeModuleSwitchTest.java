package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vitrine.it.onshape.FakeOnshape;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The two Onshape modules switched off and on while Vitrine runs: with "Onshape imports" off, the picker and the
 * provider are gone but what was imported stays published; with "Sign in with Onshape" off, the method leaves the
 * sign-in methods and its endpoints go. Switched on again, everything is back. A malformed Onshape setting marks
 * both modules failed, and fixing it brings them back.
 */
@Timeout(300)
class OnshapeModuleSwitchTest {

    @RegisterExtension
    static final FakeOnshape onshape = FakeOnshape.start();
    private static VitrineInstance vitrine;
    private static Browser designer;

    @BeforeAll
    static void start() throws Exception {
        vitrine = OnshapeSignInFlow.connect(VitrineInstance.fresh("onshape-switch"), onshape).start();
        designer = new Browser(vitrine);
        OnshapeSignInFlow.signIn(vitrine, designer, null);
    }

    @AfterAll
    static void stop() throws Exception {
        if (vitrine != null) {
            vitrine.close();
        }
    }

    @Test
    void with_onshape_imports_off_the_picker_and_the_provider_go_and_imported_documents_stay_published() throws Exception {
        List<String> ids = onshape.seedDocuments(1);
        JsonNode finished = ImportJobs.awaitCompleted(designer, ImportJobs.importDocuments(designer, ids));
        long documentId = finished.path("items").path(0).path("documentId").asLong();
        String name = onshape.document(ids.get(0)).name();

        switchModule("cad-onshape", false);
        try {
            awaitStatus("/api/providers/onshape/documents", 404);
            assertTrue(providers().isEmpty(), "onshape left /api/providers: " + providers());
            Browser visitor = new Browser(vitrine);
            Browser.Reply document = visitor.get("/api/documents/" + documentId);
            assertEquals(200, document.status(), document.toString());
            assertEquals(name, document.json().path("name").asText());
            Browser.Reply preview = visitor.get(document.json().path("previews").path("300x170").asText());
            assertEquals(200, preview.status(), preview.toString());
            assertEquals("image/png", preview.contentType());
            Problems.assertProblem(visitor.get("/api/documents/" + (documentId + 1000)), 404, "");
            Problems.assertProblem(visitor.get("/api/documents/gearbox"), 404, "");
        } finally {
            switchModule("cad-onshape", true);
        }

        awaitStatus("/api/providers/onshape/documents", 200);
        assertEquals(List.of("onshape"), providers());
        assertEquals(200, new Browser(vitrine).get("/api/documents/" + documentId).status());
    }

    @Test
    void with_sign_in_with_onshape_off_the_method_and_its_endpoints_go() throws Exception {
        assertEquals("redirect", onshapeMethod().path("kind").asText(), "listed while on");

        switchModule("auth-onshape", false);
        try {
            VitrineInstance.await("onshape to leave /api/auth/methods", Duration.ofSeconds(20), () -> call(() -> onshapeMethod().isMissingNode()));
            awaitStatus("/api/auth/onshape/start", 404);
        } finally {
            switchModule("auth-onshape", true);
        }

        VitrineInstance.await("onshape to return to /api/auth/methods", Duration.ofSeconds(20), () -> call(() -> !onshapeMethod().isMissingNode()));
        assertEquals("redirect", onshapeMethod().path("kind").asText());
        Browser again = new Browser(vitrine);
        OnshapeSignInFlow.Outcome outcome = OnshapeSignInFlow.signIn(vitrine, again, null);
        assertTrue(outcome.sessionCookie().isPresent(), "signing in with Onshape works again: " + outcome);
    }

    @Test
    void a_malformed_onshape_setting_marks_both_onshape_modules_failed_and_a_fix_recovers_them() throws Exception {
        vitrine.setting("onshape.properties", "timeout.seconds", "thirty");
        try {
            for (String module : List.of("cad-onshape", "auth-onshape")) {
                VitrineInstance.await(module + " to fail", Duration.ofSeconds(10),
                        () -> call(() -> "failed".equals(vitrine.module(module).path("state").asText())));
                String reason = vitrine.module(module).path("reason").asText();
                assertTrue(reason.contains("onshape.properties: key 'timeout.seconds': 'thirty' is not a whole number"),
                        module + ": " + reason);
            }
            // the bad value was not delivered: both modules go on with their last good settings
            assertEquals(List.of("onshape"), providers());
            assertEquals("redirect", onshapeMethod().path("kind").asText());
        } finally {
            vitrine.setting("onshape.properties", "timeout.seconds", "30");
        }
        for (String module : List.of("cad-onshape", "auth-onshape")) {
            VitrineInstance.await(module + " to recover", Duration.ofSeconds(10),
                    () -> call(() -> "enabled".equals(vitrine.module(module).path("state").asText())));
        }
        assertEquals(200, designer.get("/api/providers/onshape/documents").status());
    }

    private static void switchModule(String module, boolean on) throws Exception {
        HttpResponse<String> answer = vitrine.putAsAdmin("/api/admin/modules/" + module, "{\"enabled\": " + on + "}");
        assertEquals(200, answer.statusCode(), answer.body());
    }

    /** The ids of the providers {@code GET /api/providers} lists. */
    private static List<String> providers() throws Exception {
        return new Browser(vitrine).get("/api/providers").json().findValuesAsText("id");
    }

    /** Onshape's entry in {@code GET /api/auth/methods}, or a missing node. */
    private static JsonNode onshapeMethod() throws Exception {
        for (JsonNode method : new Browser(vitrine).get("/api/auth/methods").json()) {
            if ("onshape".equals(method.path("id").asText())) {
                return method;
            }
        }
        return MissingNode.getInstance();
    }

    /** A switch reaches the REST layer a moment after its answer: wait for the endpoint to follow. */
    private static void awaitStatus(String path, int status) throws InterruptedException {
        VitrineInstance.await("GET " + path + " to answer " + status, Duration.ofSeconds(20),
                () -> call(() -> designer.get(path).status() == status));
    }

    interface Check {
        boolean holds() throws Exception;
    }

    private static boolean call(Check check) {
        try {
            return check.holds();
        } catch (Exception e) {
            return false;
        }
    }
}
