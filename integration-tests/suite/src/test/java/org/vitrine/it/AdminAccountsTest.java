package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vitrine.it.Browser.body;
import static org.vitrine.it.Problems.assertProblem;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Admins: created on the command line ({@code vitrine admin create}, password on standard input, the same
 * rules as registration), they sign in like everybody and reach {@code /api/admin}; plain users do not. While
 * an admin signs in with a password, password sign-in cannot be switched off.
 */
@Timeout(300)
class AdminAccountsTest {

    private static final String ADMIN_PASSWORD = "walnut signal 84 in fog";
    private static VitrineInstance vitrine;
    private static String admin;

    @BeforeAll
    static void start() throws Exception {
        vitrine = VitrineInstance.fresh("admin-accounts").generousSignInLimits().start();
        admin = Browser.newEmail("first-admin");
        VitrineInstance.CommandResult created = vitrine.commandWithInput(ADMIN_PASSWORD + "\n", "admin", "create", admin);
        assertEquals(0, created.exitCode(), created.output());
    }

    @AfterAll
    static void stop() throws Exception {
        if (vitrine != null) {
            vitrine.close();
        }
    }

    @Test
    void an_admin_created_on_the_command_line_signs_in_and_manages_modules() throws Exception {
        String email = Browser.newEmail("Second.Admin");
        String password = "copper meadow 26 at noon";
        VitrineInstance.CommandResult created = vitrine.commandWithInput(password + "\n", "admin", "create", email);
        assertEquals(0, created.exitCode(), created.output());
        assertTrue(created.output().contains(email.toLowerCase()), created.output());

        Browser browser = new Browser(vitrine);
        Browser.Reply signedIn = browser.signIn(email, password);
        assertEquals(200, signedIn.status(), signedIn.toString());
        assertTrue(roles(browser.me().json()).contains("\"admin\""), browser.me().toString());

        Browser.Reply modules = browser.get("/api/admin/modules");
        assertEquals(200, modules.status(), modules.toString());
        assertTrue(modules.json().isArray() && modules.json().size() >= 4, modules.toString());
    }

    @Test
    void a_weak_admin_password_is_refused_with_the_rule_and_creates_nothing() throws Exception {
        String email = Browser.newEmail("weak-admin");
        VitrineInstance.CommandResult common = vitrine.commandWithInput("1qaz2wsx3edc\n", "admin", "create", email);
        assertNotEquals(0, common.exitCode(), common.output());
        assertTrue(common.output().contains("commonly used"), common.output());

        VitrineInstance.CommandResult tooShort = vitrine.commandWithInput("Tq8#mZ2!\n", "admin", "create", email);
        assertNotEquals(0, tooShort.exitCode(), tooShort.output());
        assertTrue(tooShort.output().contains("too short"), tooShort.output());

        assertEquals(401, new Browser(vitrine).signIn(email, "1qaz2wsx3edc").status(), "no account was created");
        assertEquals(401, new Browser(vitrine).signIn(email, "Tq8#mZ2!").status(), "no account was created");
    }

    @Test
    void an_admin_switching_a_module_needs_the_csrf_token() throws Exception {
        Browser browser = Browser.signedIn(vitrine, admin, ADMIN_PASSWORD, "Admin console");
        assertProblem(browser.withoutCsrfToken("PUT", "/api/admin/modules/blobs-fs", body("enabled", false)), 403, "");
        assertEquals("enabled", vitrine.module("blobs-fs").path("state").asText(), "nothing changed");
    }

    @Test
    void admin_endpoints_forbid_plain_users_and_ask_anonymous_callers_to_sign_in() throws Exception {
        Browser user = Browser.registered(vitrine, Browser.newEmail("plain"), "hazel thicket 35 and wren");
        assertProblem(user.get("/api/admin/modules"), 403, "");
        assertProblem(user.put("/api/admin/modules/blobs-fs", body("enabled", false)), 403, "");
        assertEquals("enabled", vitrine.module("blobs-fs").path("state").asText(), "nothing changed");
        assertProblem(new Browser(vitrine).get("/api/admin/modules"), 401, "");
    }

    @Test
    void the_sign_in_methods_list_the_password_form() throws Exception {
        Browser.Reply methods = new Browser(vitrine).get("/api/auth/methods");
        assertEquals(200, methods.status(), methods.toString());
        assertEquals(1, methods.json().size(), methods.toString());
        JsonNode password = methods.json().path(0);
        assertEquals("password", password.path("id").asText(), methods.toString());
        assertTrue(password.path("name").isTextual() && !password.path("name").asText().isBlank(), methods.toString());
        assertEquals("form", password.path("kind").asText(), methods.toString());
        assertEquals("/api/auth/password/login", password.path("startUrl").asText(), methods.toString());
    }

    @Test
    void password_sign_in_cannot_be_switched_off_while_an_admin_signs_in_with_a_password() throws Exception {
        Browser browser = Browser.signedIn(vitrine, admin, ADMIN_PASSWORD, "Admin console");
        assertProblem(browser.put("/api/admin/modules/auth-password", body("enabled", false)), 409,
                "no way for an admin to sign in");

        HttpResponse<String> withToken = vitrine.putAsAdmin("/api/admin/modules/auth-password", "{\"enabled\": false}");
        assertEquals(409, withToken.statusCode(), withToken.body());
        assertTrue(withToken.body().contains("no way for an admin to sign in"), withToken.body());

        assertEquals("enabled", vitrine.module("auth-password").path("state").asText());
        assertEquals(200, new Browser(vitrine).signIn(admin, ADMIN_PASSWORD).status(), "admins still sign in");
        assertEquals("password", new Browser(vitrine).get("/api/auth/methods").json().path(0).path("id").asText());
    }

    private static String roles(JsonNode account) {
        return account.path("roles").toString();
    }
}
