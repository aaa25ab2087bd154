package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vitrine.it.Browser.body;
import static org.vitrine.it.Problems.assertProblem;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Who may call what is decided on the resource method a request was routed to, never on its path. Generated from
 * the running instance's own OpenAPI description: every operation, called by a visitor, a plain user and a
 * moderator, plainly and through path variants, is refused (401, 403, or 400 before routing) wherever its
 * {@code x-vitrine-access} asks for more, and never answers 2xx — so an operation added later is covered without
 * editing this test. Plus the attacks of the outside review (issue 12, point 1), each checking that nothing
 * changed, and an endpoint that declares no access rule (in the echo test plugin) being refused to everyone.
 */
@Timeout(300)
class AuthorizationTest {

    private static final String PASSWORD = "saffron lighthouse 62 at dusk";
    private static VitrineInstance vitrine;
    private static JsonNode description;
    private static Browser visitor;
    private static Browser user;
    private static Browser moderator;
    private static long userId;
    private static long documentId;
    private static String userEmail;

    /** The ways to write an operation's address that the review tried; some must not even reach routing. */
    enum Variant {
        PLAIN, TRAILING_SLASH, CHANGED_CASE, SEMICOLON, MATRIX_PARAMETER, ENCODED_SEMICOLON, DOUBLE_SLASH;

        /** Whether the platform refuses it with 400 before routing, for every caller and operation. */
        boolean refusedBeforeRouting() {
            return this == SEMICOLON || this == MATRIX_PARAMETER || this == ENCODED_SEMICOLON || this == DOUBLE_SLASH;
        }

        /** The address written this way, e.g. {@code /api/admin;x=1/users} for {@code /api/admin/users}. */
        String of(String path) {
            String rest = path.substring("/api/".length());
            int slash = rest.indexOf('/');
            String first = slash < 0 ? rest : rest.substring(0, slash);
            String tail = slash < 0 ? "" : rest.substring(slash);
            return switch (this) {
                case PLAIN -> path;
                case TRAILING_SLASH -> path + "/";
                case CHANGED_CASE -> "/api/" + first.toUpperCase(Locale.ROOT) + tail;
                case SEMICOLON -> "/api/" + first + ";" + tail;
                case MATRIX_PARAMETER -> "/api/" + first + ";x=1" + tail;
                case ENCODED_SEMICOLON -> "/api/" + first + "%3B" + tail;
                case DOUBLE_SLASH -> tail.isEmpty() ? "/api//" + first : "/api/" + first + "/" + tail;
            };
        }
    }

    /** A caller and the rank of the highest {@code x-vitrine-access} they meet. */
    private record Caller(String name, Browser browser, int rank) {
    }

    @BeforeAll
    static void start() throws Exception {
        assertTrue(Files.isRegularFile(VitrineInstance.ECHO_JAR), "test plugin not built: " + VitrineInstance.ECHO_JAR);
        vitrine = VitrineInstance.fresh("authorization").generousSignInLimits()
                // every module with endpoints on, so every described operation is routed
                .setting("modules.properties", "auth-onshape", "enabled")
                .setting("modules.properties", "cad-onshape", "enabled");
        Files.copy(VitrineInstance.ECHO_JAR, vitrine.home.resolve("deploy/echo-plugin.jar"), StandardCopyOption.REPLACE_EXISTING);
        vitrine.start();
        description = VitrineInstance.JSON.readTree(vitrine.get("/api/openapi.json").body());
        visitor = new Browser(vitrine, "visitor");
        user = Staff.signedIn(vitrine, "plain-user", PASSWORD);
        moderator = Staff.signedIn(vitrine, "moderator", PASSWORD, "moderator");
        JsonNode me = user.me().json();
        userId = me.path("id").asLong();
        userEmail = me.path("email").asText();
        documentId = CatalogSeed.document(vitrine, "Guarded bracket", userId, "CC-BY-4.0", true);
        VitrineInstance.await("the echo plugin to serve", Duration.ofSeconds(30),
                () -> call(() -> vitrine.get("/api/echo").statusCode() == 200));
    }

    @AfterAll
    static void stop() throws Exception {
        if (vitrine != null) {
            vitrine.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> every_described_operation_refuses_callers_without_its_role_on_every_variant_of_its_address() {
        List<DescribedOperations.Operation> operations = DescribedOperations.of(description);
        assertTrue(operations.size() >= 60, "the description of the running instance lists its operations: " + operations.size());
        for (String access : DescribedOperations.ACCESS) {
            assertTrue(operations.stream().anyMatch(o -> o.access().equals(access)), "some operation is " + access);
        }
        List<Caller> callers = List.of(new Caller("a visitor", visitor, 0), new Caller("a plain user", user, 1),
                new Caller("a moderator", moderator, 2));
        Stream<DynamicTest> calls = operations.stream().map(operation -> DynamicTest.dynamicTest(operation.toString(), () -> {
            assertTrue(operation.rank() >= 0, operation + ": x-vitrine-access must be one of " + DescribedOperations.ACCESS);
            List<String> wrong = new ArrayList<>();
            for (Caller caller : callers) {
                wrong.addAll(check(operation, caller));
            }
            assertEquals(List.of(), wrong, operation.toString());
        }));
        return Stream.concat(calls, Stream.of(DynamicTest.dynamicTest("afterwards, nothing has changed", () -> {
            assertEquals(List.of("user"), roles(person(userId)));
            assertEquals("active", person(userId).path("status").asText().toLowerCase(Locale.ROOT));
            assertEquals(200, user.me().status(), "the plain user is still signed in");
            assertEquals(200, moderator.me().status(), "the moderator is still signed in");
            assertEquals(200, visitor.get("/api/documents/" + documentId).status(), "the document is still shown");
            assertEquals("enabled", vitrine.module("auth-onshape").path("state").asText());
        })));
    }

    /** What went wrong when this caller calls the operation through each variant (nothing, when all is well). */
    private static List<String> check(DescribedOperations.Operation operation, Caller caller) throws Exception {
        List<String> wrong = new ArrayList<>();
        boolean allowed = caller.rank() >= operation.rank();
        String path = operation.path(AuthorizationTest::knownValue);
        Object body = DescribedOperations.body(description, operation);
        for (Variant variant : Variant.values()) {
            if (allowed && !variant.refusedBeforeRouting()) {
                continue; // the caller may call it: do not change anything for real
            }
            Browser.Reply reply;
            try {
                reply = caller.browser().send(operation.method(), variant.of(path), body, Map.of());
            } catch (java.io.IOException e) {
                wrong.add(caller.name() + ", " + variant + " " + variant.of(path) + ": no answer, " + e);
                continue;
            }
            Set<Integer> expected = variant.refusedBeforeRouting() ? Set.of(400)
                    : caller.rank() == 0 ? Set.of(401) : Set.of(403);
            if (variant == Variant.CHANGED_CASE) {
                expected = Set.of(404, expected.iterator().next()); // addresses are case-sensitive: nothing is there
            }
            boolean problem = variant == Variant.DOUBLE_SLASH || reply.contentType().startsWith("application/problem+json");
            if (!expected.contains(reply.status()) || !problem || reply.body().contains(userEmail)) {
                wrong.add(caller.name() + ", " + variant + ": expected " + expected + " as problem+json, got " + reply);
            }
        }
        return wrong;
    }

    /** Real ids where the attack needs them: the plain user's own account and document, a module that is on. */
    private static String knownValue(String name, String template) {
        if (template.contains("/documents/{id}")) {
            return Long.toString(documentId);
        }
        if (template.startsWith("/api/admin/users/")) {
            return Long.toString(userId);
        }
        if (template.startsWith("/api/admin/modules/")) {
            return "auth-onshape";
        }
        return null;
    }

    @Test
    void a_visitor_cannot_read_people_the_audit_log_or_contact_requests_through_a_path_parameter() throws Exception {
        for (String list : List.of("users", "audit", "contact-requests")) {
            Browser.Reply reply = visitor.get("/api/admin;/" + list);
            assertProblem(reply, 400, "path parameters");
            assertFalse(reply.body().contains(userEmail), reply.toString());
            assertProblem(visitor.get("/api/admin/" + list), 401, "sign in");
        }
        for (String method : List.of("HEAD", "OPTIONS")) {
            HttpResponse<String> other = vitrine.send(HttpRequest.newBuilder(vitrine.uri("/api/admin/users"))
                    .method(method, HttpRequest.BodyPublishers.noBody()), null);
            assertTrue(Set.of(401, 403).contains(other.statusCode()), method + " -> " + other.statusCode() + " " + other.body());
            assertFalse(other.body().contains(userEmail), method);
        }
    }

    @Test
    void a_visitor_cannot_switch_a_module_off_or_disable_an_account_through_a_path_parameter() throws Exception {
        assertEquals("enabled", vitrine.module("auth-onshape").path("state").asText());
        assertProblem(visitor.put("/api/admin;/modules/auth-onshape", body("enabled", false)), 400, "path parameters");
        assertProblem(visitor.put("/api/admin/modules/auth-onshape", body("enabled", false)), 401, "admin");
        assertEquals("enabled", vitrine.module("auth-onshape").path("state").asText());

        assertProblem(visitor.post("/api/admin;/users/" + userId + "/disable", null), 400, "path parameters");
        assertProblem(visitor.post("/api/admin/users/" + userId + "/disable", null), 401, "admin");
        assertEquals(200, user.me().status(), "the account is still enabled and signed in");
        assertEquals("active", person(userId).path("status").asText().toLowerCase(Locale.ROOT));
    }

    @Test
    void a_plain_user_cannot_make_themselves_admin_with_a_matrix_parameter_and_their_own_csrf_token() throws Exception {
        Map<String, Object> promotion = body("roles", List.of("admin", "user"));
        assertProblem(user.put("/api/admin;x=1/users/" + userId + "/roles", promotion), 400, "path parameters");
        assertProblem(user.put("/api/admin%3Bx=1/users/" + userId + "/roles", promotion), 400, "path parameters");
        assertProblem(user.put("/api/admin/users/" + userId + "/roles", promotion), 403, "admin role");

        assertEquals(List.of("user"), roles(person(userId)));
        assertEquals(List.of("user"), roles(user.me().json()));
        assertProblem(user.get("/api/admin/users"), 403, "admin role");
        assertTrue(AuditTrail.of(vitrine, "access.refuse").stream().anyMatch(e -> e.actor().equals("account:" + userId)
                && e.target().equals("PUT /api/admin/users/" + userId + "/roles") && e.outcome().equals("refused")),
                "the attempt is audited with who made it");
    }

    @Test
    void dot_segments_and_encoded_slashes_never_reach_a_resource() throws Exception {
        for (String path : List.of("/api/me/../admin/users", "/api/%2e%2e/api/admin/users", "/api/admin%2Fusers",
                "/api/admin%5Cusers", "/api/./admin/users", "/api/me/%2E%2E/admin/users")) {
            HttpResponse<String> reply = vitrine.send(HttpRequest.newBuilder(vitrine.uri(path)).GET(), null);
            assertEquals(400, reply.statusCode(), path + " -> " + reply.body());
            assertFalse(reply.body().contains(userEmail), path);
        }
    }

    @Test
    void an_endpoint_that_declares_no_access_rule_is_refused_to_everyone_even_the_operations_token() throws Exception {
        assertEquals("hello", vitrine.get("/api/echo").body(), "a declared (@PermitAll) plugin endpoint still answers");
        assertProblem(visitor.get("/api/echo/undeclared"), 403, "declares no access rule");
        assertProblem(moderator.get("/api/echo/undeclared"), 403, "declares no access rule");
        HttpResponse<String> asOps = vitrine.getAsAdmin("/api/echo/undeclared");
        assertEquals(403, asOps.statusCode(), asOps.body());
        assertFalse(asOps.body().contains("nobody should read this"));
    }

    @Test
    void an_admin_may_do_what_a_moderator_may_and_the_operations_token_is_an_admin() throws Exception {
        Browser admin = Staff.signedIn(vitrine, "admin", PASSWORD, "admin");
        assertEquals(200, admin.get("/api/moderation/reports").status());
        assertEquals(200, admin.get("/api/admin/users").status());
        assertEquals(200, vitrine.getAsAdmin("/api/moderation/reports").statusCode());
        assertEquals(200, vitrine.getAsAdmin("/api/admin/users").statusCode());
        assertEquals(200, moderator.get("/api/moderation/reports").status());
        assertProblem(user.get("/api/moderation/reports"), 403, "moderator role");
        assertProblem(visitor.get("/api/me"), 401, "sign in");
    }

    private static JsonNode person(long id) throws Exception {
        HttpResponse<String> reply = vitrine.getAsAdmin("/api/admin/users/" + id);
        assertEquals(200, reply.statusCode(), reply.body());
        return VitrineInstance.JSON.readTree(reply.body());
    }

    private static List<String> roles(JsonNode account) {
        List<String> roles = new ArrayList<>();
        account.path("roles").forEach(r -> roles.add(r.asText().toLowerCase(Locale.ROOT)));
        return roles.stream().sorted().toList();
    }

    private static boolean call(java.util.concurrent.Callable<Boolean> check) {
        try {
            return check.call();
        } catch (Exception notYet) {
            return false;
        }
    }
}
