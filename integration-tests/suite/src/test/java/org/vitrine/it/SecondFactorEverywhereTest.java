package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vitrine.it.Browser.body;
import static org.vitrine.it.Problems.assertProblem;

import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vitrine.it.onshape.FakeOnshape;
import org.vitrine.it.onshape.FakeUser;

/**
 * The second factor is the platform's, not a sign-in method's: after a password, after Sign in with Onshape, and after
 * a sign-in method that a plugin adds (the test plugin's {@code /api/echo/sign-in}, which only calls
 * {@code SessionManager.signIn}), an account with two-factor authentication on holds a session that opens nothing
 * (no {@code /api/me}, no admin endpoint, no state change, whatever CSRF token it sends) until a current code or an
 * unused recovery code is given to {@code /api/auth/second-factor}; then the session id changes.
 */
@Timeout(300)
class SecondFactorEverywhereTest {

    private static final String PASSWORD = "lantern otter 52 under the bridge";
    private static final String ECHO_SECRET = UUID.randomUUID().toString();
    private static final String SECOND_FACTOR_PROBLEM = "urn:vitrine:problem:second-factor-required";

    @RegisterExtension
    static final FakeOnshape onshape = FakeOnshape.start();
    private static VitrineInstance vitrine;

    @BeforeAll
    static void start() throws Exception {
        VitrineInstance fresh = VitrineInstance.fresh("second-factor-everywhere").generousSignInLimits()
                .setting("modules.properties", "echo", "enabled")
                .setting("echo.properties", "signin.secret", ECHO_SECRET);
        Files.copy(VitrineInstance.ECHO_JAR, fresh.home.resolve("deploy/echo-plugin.jar"), StandardCopyOption.REPLACE_EXISTING);
        vitrine = OnshapeSignInFlow.connect(fresh, onshape).start();
        VitrineInstance.await("the test plugin's sign-in method", Duration.ofSeconds(30),
                () -> echoSignIn(new Browser(vitrine), "nobody@example.org").status() == 401);
    }

    @AfterAll
    static void stop() throws Exception {
        if (vitrine != null) {
            vitrine.close();
        }
    }

    @Test
    void a_password_sign_in_of_a_two_factor_admin_opens_nothing_until_the_code() throws Exception {
        Browser admin = Staff.signedIn(vitrine, "guarded-admin", PASSWORD, "admin", "user");
        String email = admin.me().json().path("email").asText();
        long id = admin.me().json().path("id").asLong();
        SecondFactorSteps.Enrolled enrolled = SecondFactorSteps.enrol(admin);

        Browser browser = new Browser(vitrine).keepCookie("vitrine_device");
        Browser.Reply login = SecondFactorSteps.assertAwaitsCode(browser.signIn(email, PASSWORD));
        assertTrue(login.json().path("id").isMissingNode(), "nothing about the account before the code: " + login);
        assertEquals(null, browser.cookie("vitrine_device"), "no new-device handling before the sign-in is complete");
        String waiting = browser.sessionCookie();
        assertHalfSignedIn(browser);

        assertProblem(browser.withoutCsrfToken("POST", "/api/auth/second-factor", body("code", enrolled.app().nextCode())),
                403, "CSRF");
        assertProblem(browser.post("/api/auth/second-factor", body("code", enrolled.app().wrongCode())), 401, "wrong");
        assertTrue(AuditTrail.of(vitrine, "auth.second-factor").stream().anyMatch(e -> e.outcome().equals("failure")
                && ("account:" + id).equals(e.target())), "the wrong code is audited");
        assertHalfSignedIn(browser);

        Browser.Reply done = browser.post("/api/auth/second-factor", body("code", enrolled.app().nextCode()));
        assertEquals(200, done.status(), done.toString());
        assertNotEquals(waiting, browser.sessionCookie(), "a new session id once the sign-in is complete");
        assertEquals(id, browser.me().json().path("id").asLong());
        assertEquals(200, browser.get("/api/admin/users").status(), "the admin is signed in now");
        assertTrue(browser.cookie("vitrine_device") != null, "the device is recorded at the complete sign-in");

        Browser stale = new Browser(vitrine);
        stale.useSessionCookie(waiting);
        assertEquals(401, stale.me().status(), "the waiting session ended");
        assertEquals(404, stale.get("/api/auth/second-factor").status(), "and waits for nothing any more");
    }

    @Test
    void the_code_sent_with_the_password_goes_through_the_same_check_and_a_recovery_code_works_once() throws Exception {
        Browser person = Browser.registered(vitrine, Browser.newEmail("one-request"), PASSWORD);
        String email = person.me().json().path("email").asText();
        SecondFactorSteps.Enrolled enrolled = SecondFactorSteps.enrol(person);
        String recovery = enrolled.recoveryCodes().get(0);

        Browser api = new Browser(vitrine);
        Browser.Reply once = api.post("/api/auth/password/login", body("email", email, "password", PASSWORD, "recoveryCode", recovery));
        assertEquals(200, once.status(), once.toString());
        assertEquals(200, api.me().status());

        Browser again = new Browser(vitrine);
        assertProblem(again.post("/api/auth/password/login", body("email", email, "password", PASSWORD, "recoveryCode", recovery)),
                401, "already used");
        assertEquals(null, again.sessionCookie(), "a refused code leaves no waiting session behind");

        Browser twoSteps = new Browser(vitrine);
        SecondFactorSteps.assertAwaitsCode(twoSteps.signIn(email, PASSWORD));
        assertProblem(SecondFactorSteps.complete(twoSteps, "recoveryCode", recovery), 401, "already used");
        assertEquals(200, SecondFactorSteps.complete(twoSteps, "recoveryCode", enrolled.recoveryCodes().get(1)).status());
        assertEquals(200, twoSteps.me().status());
    }

    @Test
    void sign_in_with_onshape_of_a_two_factor_admin_waits_for_the_code() throws Exception {
        Browser admin = Staff.signedIn(vitrine, "onshape-admin", PASSWORD, "admin", "user");
        long id = admin.me().json().path("id").asLong();
        SecondFactorSteps.Enrolled enrolled = SecondFactorSteps.enrol(admin);
        FakeUser atOnshape = FakeUser.named("Onshape", "Admin").withEmail(Browser.newEmail("onshape-admin-at-onshape"));
        onshape.signedInUser(atOnshape);
        OnshapeSignInFlow.signIn(vitrine, admin, "/account");
        assertEquals(200, admin.me().status(), "connecting Onshape while signed in keeps the complete sign-in");
        assertEquals(1, admin.get("/api/me/identities").json().size(), "Onshape is connected");

        Browser fresh = new Browser(vitrine);
        OnshapeSignInFlow.Outcome outcome = OnshapeSignInFlow.signIn(vitrine, fresh, "/account");
        assertTrue(outcome.sessionCookie().isPresent(), outcome.toString());
        assertEquals("/account", java.net.URI.create(outcome.location()).getPath(), outcome.toString());
        assertHalfSignedIn(fresh);
        assertEquals(200, admin.get("/api/admin/modules").status(), "the signed-in admin's own session is untouched");

        assertProblem(SecondFactorSteps.complete(fresh, "code", enrolled.app().wrongCode()), 401, "wrong");
        Browser.Reply done = SecondFactorSteps.complete(fresh, "recoveryCode", enrolled.recoveryCodes().get(0));
        assertEquals(200, done.status(), done.toString());
        assertEquals(id, fresh.me().json().path("id").asLong());
        assertEquals(200, fresh.get("/api/admin/users").status());

        Browser later = new Browser(vitrine);
        OnshapeSignInFlow.signIn(vitrine, later, null);
        assertProblem(SecondFactorSteps.complete(later, "recoveryCode", enrolled.recoveryCodes().get(0)), 401, "already used");
        assertEquals(200, SecondFactorSteps.complete(later, "code", enrolled.app().nextCode()).status());
        assertEquals(id, later.me().json().path("id").asLong());
    }

    @Test
    void an_onshape_only_account_turns_two_factor_on_and_is_asked_for_the_code_at_the_next_onshape_sign_in() throws Exception {
        onshape.signedInUser(FakeUser.named("Only", "Onshape").withEmail(Browser.newEmail("onshape-only")));
        Browser first = new Browser(vitrine);
        OnshapeSignInFlow.signIn(vitrine, first, null);
        long id = first.me().json().path("id").asLong();
        SecondFactorSteps.Enrolled enrolled = SecondFactorSteps.enrol(first);
        assertTrue(first.me().json().path("twoFactorEnabled").asBoolean(), "on, for an account without a password");

        Browser next = new Browser(vitrine);
        OnshapeSignInFlow.signIn(vitrine, next, null);
        assertHalfSignedIn(next);
        assertEquals(200, SecondFactorSteps.complete(next, "code", enrolled.app().nextCode()).status());
        assertEquals(id, next.me().json().path("id").asLong());

        assertProblem(next.delete("/api/me/2fa", body("code", enrolled.app().wrongCode())), 403, "wrong");
        assertTrue(next.me().json().path("twoFactorEnabled").asBoolean(), "still on");
        Browser.Reply off = next.delete("/api/me/2fa", body("recoveryCode", enrolled.recoveryCodes().get(0)));
        assertEquals(204, off.status(), "no password to give; a code and a recent sign-in do: " + off);

        Browser after = new Browser(vitrine);
        OnshapeSignInFlow.signIn(vitrine, after, null);
        assertEquals(id, after.me().json().path("id").asLong(), "off again: Onshape alone signs in");
    }

    @Test
    void a_sign_in_method_added_by_a_plugin_is_held_at_the_second_factor_too() throws Exception {
        assertTrue(new Browser(vitrine).get("/api/auth/methods").json().findValuesAsText("id").contains("echo"),
                "the plugin's method is registered");
        Browser plain = Browser.registered(vitrine, Browser.newEmail("echo-plain"), PASSWORD);
        Browser viaEcho = new Browser(vitrine);
        assertEquals("signed-in", echoSignIn(viaEcho, plain.me().json().path("email").asText()).json().path("state").asText());
        assertEquals(200, viaEcho.me().status(), "the method signs an account without two-factor in");

        Browser guarded = Browser.registered(vitrine, Browser.newEmail("echo-guarded"), PASSWORD);
        long id = guarded.me().json().path("id").asLong();
        SecondFactorSteps.Enrolled enrolled = SecondFactorSteps.enrol(guarded);
        Browser held = new Browser(vitrine);
        assertEquals("awaiting-second-factor", echoSignIn(held, guarded.me().json().path("email").asText()).json().path("state").asText());
        assertHalfSignedIn(held);
        assertEquals(200, SecondFactorSteps.complete(held, "code", enrolled.app().nextCode()).status());
        assertEquals(id, held.me().json().path("id").asLong());
    }

    /**
     * The browser holds a session that only waits for the second factor: {@code GET /api/me} says so, and nothing else
     * opens, with or without the waiting session's CSRF token (the browser sends it when it has one).
     */
    private static void assertHalfSignedIn(Browser browser) throws Exception {
        Browser.Reply me = browser.me();
        assertProblem(me, 401, "code");
        assertEquals(SECOND_FACTOR_PROBLEM, me.json().path("type").asText(), me.toString());
        Browser.Reply state = browser.get("/api/auth/second-factor");
        assertEquals(200, state.status(), state.toString());
        assertTrue(state.json().path("awaitingSecondFactor").asBoolean(), state.toString());
        assertEquals(401, browser.get("/api/admin/users").status(), "no admin endpoint");
        assertEquals(401, browser.get("/api/me/sessions").status(), "no signed-in endpoint");
        Browser.Reply disable = browser.put("/api/admin/modules/echo", body("enabled", false));
        assertEquals(401, disable.status(), disable.toString());
        assertEquals("enabled", vitrine.module("echo").path("state").asText(), "nothing changed");
        Browser.Reply enrol = browser.post("/api/me/2fa", null);
        assertEquals(401, enrol.status(), "no state change: " + enrol);
    }

    private static Browser.Reply echoSignIn(Browser browser, String email) {
        try {
            return browser.send("POST", "/api/echo/sign-in?email=" + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8),
                    null, Map.of("X-Echo-Secret", ECHO_SECRET));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
