package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vitrine.it.Browser.body;
import static org.vitrine.it.Problems.assertProblem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Signing in and out with e-mail and password, the session cookie and its CSRF token, the list of one's
 * sessions, and changing the password; each test registers its own person.
 */
@Timeout(300)
class SignInTest {

    private static final String PASSWORD = "amber kettle 31 on the sill";
    private static final String EVIL = "https://evil.example";
    private static VitrineInstance vitrine;

    @BeforeAll
    static void start() throws Exception {
        vitrine = VitrineInstance.fresh("sign-in").generousSignInLimits().start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (vitrine != null) {
            vitrine.close();
        }
    }

    @Test
    void signing_in_with_the_right_password_starts_a_session() throws Exception {
        String email = Browser.newEmail("signin");
        long id = Browser.registered(vitrine, email, PASSWORD).me().json().path("id").asLong();

        Browser browser = new Browser(vitrine);
        Browser.Reply reply = browser.signIn(email.toUpperCase(), PASSWORD);
        assertEquals(200, reply.status(), reply.toString());
        assertEquals(id, reply.json().path("id").asLong());
        assertEquals(email, reply.json().path("email").asText());
        assertFalse(reply.json().path("csrfToken").asText().isBlank(), reply.toString());
        assertTrue(reply.sessionCookieAttributes().contains("Path=/"), reply.headers().toString());
        assertTrue(reply.sessionCookieAttributes().stream().anyMatch("HttpOnly"::equalsIgnoreCase), reply.headers().toString());
        assertTrue(reply.sessionCookieAttributes().stream().anyMatch("SameSite=Lax"::equalsIgnoreCase), reply.headers().toString());

        JsonNode me = browser.me().json();
        assertEquals(id, me.path("id").asLong(), me.toString());
        assertEquals(email, me.path("email").asText());
        assertEquals("Person " + email.substring(0, email.indexOf('@')), me.path("displayName").asText());
        assertEquals("user", me.path("roles").path(0).asText(), me.toString());
        assertFalse(me.path("twoFactorEnabled").asBoolean(true), me.toString());
        assertEquals(reply.json().path("csrfToken").asText(), me.path("csrfToken").asText());
    }

    @Test
    void without_a_valid_session_cookie_me_is_unauthorized() throws Exception {
        Browser anonymous = new Browser(vitrine);
        assertProblem(anonymous.me(), 401, "");
        anonymous.useSessionCookie("made-up-session-id-that-nobody-was-given");
        assertProblem(anonymous.me(), 401, "");
    }

    @Test
    void every_sign_in_gets_a_new_session_id_and_the_previous_one_stops_working() throws Exception {
        String email = Browser.newEmail("rotation");
        Browser.registered(vitrine, email, PASSWORD);
        Browser browser = Browser.signedIn(vitrine, email, PASSWORD, "Rotation");
        String first = browser.sessionCookie();

        Browser.Reply again = browser.signIn(email, PASSWORD);
        assertEquals(200, again.status(), again.toString());
        String second = again.sessionCookie().map(c -> c.split(";")[0].substring(Browser.SESSION_COOKIE.length() + 1))
                .orElseThrow(() -> new AssertionError("no new cookie: " + again.headers()));
        assertNotEquals(first, second, "the session id is rotated at sign-in");
        assertEquals(200, browser.me().status(), "the new id works");

        Browser stale = new Browser(vitrine);
        stale.useSessionCookie(first);
        assertEquals(401, stale.me().status(), "the id sent with the sign-in no longer works");
    }

    @Test
    void a_wrong_password_and_an_unknown_address_are_refused_alike() throws Exception {
        String email = Browser.newEmail("alike");
        Browser.registered(vitrine, email, PASSWORD);

        Browser.Reply wrongPassword = new Browser(vitrine).signIn(email, PASSWORD + "!");
        Browser.Reply unknownAddress = new Browser(vitrine).signIn(Browser.newEmail("nobody"), PASSWORD);
        assertProblem(wrongPassword, 401, "");
        assertProblem(unknownAddress, 401, "");
        assertEquals(wrongPassword.json(), unknownAddress.json(), "nothing tells whether the address has an account");
        assertFalse(wrongPassword.sessionCookie().isPresent());
        assertFalse(unknownAddress.sessionCookie().isPresent());
    }

    @Test
    void sign_ins_that_succeed_and_that_fail_are_in_the_audit_log() throws Exception {
        String email = Browser.newEmail("audited");
        long id = Browser.registered(vitrine, email, PASSWORD).me().json().path("id").asLong();
        assertEquals(401, new Browser(vitrine).signIn(email, "not the password 99").status());
        assertEquals(200, new Browser(vitrine).signIn(email, PASSWORD).status());

        List<AuditTrail.Event> signIns = AuditTrail.of(vitrine, "auth.signin").stream()
                .filter(e -> ("account:" + id).equals(e.target())).toList();
        assertTrue(signIns.stream().anyMatch(e -> e.outcome().equals("failure") && "127.0.0.1".equals(e.ip())), signIns.toString());
        assertTrue(signIns.stream().anyMatch(e -> e.outcome().equals("success") && "127.0.0.1".equals(e.ip())), signIns.toString());
    }

    @Test
    void a_malformed_sign_in_request_is_a_bad_request() throws Exception {
        Browser browser = new Browser(vitrine);
        assertProblem(browser.post("/api/auth/password/login", "{\"email\": \"someone@example.org\", \"password\": "), 400, "JSON");
        assertNull(browser.sessionCookie());
    }

    @Test
    void signing_out_ends_the_session() throws Exception {
        String email = Browser.newEmail("signout");
        Browser browser = Browser.registered(vitrine, email, PASSWORD);
        String session = browser.sessionCookie();

        Browser.Reply out = browser.signOut();
        assertEquals(204, out.status(), out.toString());
        assertNull(browser.sessionCookie(), "the answer clears the cookie");

        Browser replay = new Browser(vitrine);
        replay.useSessionCookie(session);
        assertEquals(401, replay.me().status(), "the session is dead on the server, not only forgotten by the browser");
    }

    @Test
    void signing_out_needs_the_csrf_token() throws Exception {
        Browser browser = Browser.registered(vitrine, Browser.newEmail("csrf-signout"), PASSWORD);
        assertProblem(browser.withoutCsrfToken("POST", "/api/auth/logout", null), 403, "");
        assertEquals(200, browser.me().status(), "still signed in");
    }

    @Test
    void state_changing_requests_with_the_session_cookie_need_the_csrf_token() throws Exception {
        String email = Browser.newEmail("csrf");
        Browser browser = Browser.registered(vitrine, email, PASSWORD);
        Browser other = Browser.signedIn(vitrine, email, PASSWORD, "Other device");
        String otherId = currentSessionId(other);

        assertProblem(browser.withoutCsrfToken("POST", "/api/me/password",
                body("currentPassword", PASSWORD, "newPassword", "brand new 88 phrase")), 403, "");
        assertProblem(browser.withoutCsrfToken("DELETE", "/api/me/sessions/" + otherId, null), 403, "");

        Browser wrongToken = new Browser(vitrine);
        wrongToken.useSessionCookie(browser.sessionCookie());
        wrongToken.useCsrfToken(other.csrfToken());
        assertEquals(403, wrongToken.signOut().status(), "another session's token does not do");

        assertEquals(200, other.me().status(), "the other session was not revoked");
        assertEquals(200, new Browser(vitrine).signIn(email, PASSWORD).status(), "the password did not change");
        assertEquals(200, browser.me().status(), "still signed in");
    }

    @Test
    void a_state_changing_request_from_another_site_is_refused() throws Exception {
        String email = Browser.newEmail("origin");
        Browser browser = Browser.registered(vitrine, email, PASSWORD);

        assertProblem(browser.fromOrigin(EVIL, "POST", "/api/auth/logout", null), 403, "");
        assertEquals(200, browser.me().status(), "still signed in");

        Browser stranger = new Browser(vitrine);
        assertProblem(stranger.fromOrigin(EVIL, "POST", "/api/auth/password/login", body("email", email, "password", PASSWORD)),
                403, "");
        assertNull(stranger.sessionCookie(), "no session from a cross-site sign-in");

        Browser sameSite = new Browser(vitrine);
        String ownOrigin = "http://127.0.0.1:" + vitrine.port;
        assertEquals(200, sameSite.fromOrigin(ownOrigin, "POST", "/api/auth/password/login",
                body("email", email, "password", PASSWORD)).status(), "this site's own origin is welcome");
    }

    @Test
    void the_sessions_list_shows_each_signed_in_device_with_the_current_one_marked() throws Exception {
        String email = Browser.newEmail("sessions");
        Browser.registered(vitrine, email, PASSWORD).signOut();
        Instant before = Instant.now().minusSeconds(5);
        Browser laptop = Browser.signedIn(vitrine, email, PASSWORD, "Laptop Firefox");
        Browser phone = Browser.signedIn(vitrine, email, PASSWORD, "Phone Safari");

        Browser.Reply reply = laptop.get("/api/me/sessions");
        assertEquals(200, reply.status(), reply.toString());
        JsonNode sessions = reply.json();
        assertEquals(2, sessions.size(), reply.toString());
        List<String> agents = new ArrayList<>();
        for (JsonNode s : sessions) {
            assertFalse(s.path("id").asText().isBlank(), s.toString());
            assertNotEquals(laptop.sessionCookie(), s.path("id").asText(), "the list never shows a session's secret id");
            assertNotEquals(phone.sessionCookie(), s.path("id").asText(), "the list never shows a session's secret id");
            assertTrue(Instant.parse(s.path("createdAt").asText()).isAfter(before), s.toString());
            assertNotNull(Instant.parse(s.path("lastSeenAt").asText()));
            assertEquals("127.0.0.1", s.path("ip").asText(), s.toString());
            agents.add(s.path("userAgent").asText() + (s.path("current").asBoolean() ? " (current)" : ""));
        }
        agents.sort(null);
        assertEquals(List.of("Laptop Firefox (current)", "Phone Safari"), agents, reply.toString());
    }

    @Test
    void revoking_a_session_signs_that_device_out() throws Exception {
        String email = Browser.newEmail("revoke");
        Browser laptop = Browser.registered(vitrine, email, PASSWORD);
        Browser phone = Browser.signedIn(vitrine, email, PASSWORD, "Phone");
        String phoneId = currentSessionId(phone);

        Browser.Reply revoked = laptop.delete("/api/me/sessions/" + phoneId, null);
        assertEquals(204, revoked.status(), revoked.toString());
        assertEquals(401, phone.me().status(), "the revoked session is dead");
        assertEquals(200, laptop.me().status(), "the revoking session lives");
        assertEquals(200, phone.signIn(email, PASSWORD).status(), "the signed-out device can sign in again");
        assertEquals(200, phone.me().status());
        assertTrue(AuditTrail.of(vitrine, "session.revoke").stream()
                .anyMatch(e -> e.outcome().equals("success") && e.target() != null && e.target().contains(phoneId)),
                "the revocation is in the audit log");
    }

    @Test
    void revoking_an_unknown_session_or_another_persons_session_is_not_found() throws Exception {
        Browser mine = Browser.registered(vitrine, Browser.newEmail("revoke-own"), PASSWORD);
        Browser someoneElse = Browser.registered(vitrine, Browser.newEmail("revoke-other"), PASSWORD);
        String theirs = currentSessionId(someoneElse);

        assertProblem(mine.delete("/api/me/sessions/no-such-session", null), 404, "");
        assertProblem(mine.delete("/api/me/sessions/" + theirs, null), 404, "");
        assertEquals(200, someoneElse.me().status(), "another person's session is out of reach");
    }

    @Test
    void changing_the_password_ends_the_other_sessions_and_keeps_this_one() throws Exception {
        String email = Browser.newEmail("change");
        String newPassword = "violet harbour 62 at dawn";
        Browser here = Browser.registered(vitrine, email, PASSWORD);
        Browser phone = Browser.signedIn(vitrine, email, PASSWORD, "Phone");
        Browser tablet = Browser.signedIn(vitrine, email, PASSWORD, "Tablet");
        Instant before = Instant.now().minusSeconds(5);

        Browser.Reply changed = here.post("/api/me/password", body("currentPassword", PASSWORD, "newPassword", newPassword));
        assertEquals(200, changed.status(), changed.toString());
        assertTrue(Instant.parse(changed.json().path("changedAt").asText()).isAfter(before), changed.toString());
        assertEquals(2, changed.json().path("otherSessionsEnded").asInt(), changed.toString());

        assertEquals(401, phone.me().status());
        assertEquals(401, tablet.me().status());
        assertEquals(200, here.me().status(), "the session that changed the password lives on");
        assertEquals(401, new Browser(vitrine).signIn(email, PASSWORD).status(), "the old password is gone");
        assertEquals(200, new Browser(vitrine).signIn(email, newPassword).status());
        assertTrue(AuditTrail.of(vitrine, "password.change").stream().anyMatch(e -> e.outcome().equals("success")),
                "the change is in the audit log");
    }

    @Test
    void changing_the_password_needs_the_current_password() throws Exception {
        String email = Browser.newEmail("change-wrong");
        Browser here = Browser.registered(vitrine, email, PASSWORD);
        Browser phone = Browser.signedIn(vitrine, email, PASSWORD, "Phone");

        assertProblem(here.post("/api/me/password", body("currentPassword", "a guess 12345 words", "newPassword",
                "violet harbour 62 at dawn")), 403, "");
        assertEquals(200, phone.me().status(), "no session ended");
        assertEquals(200, new Browser(vitrine).signIn(email, PASSWORD).status(), "the password is unchanged");
    }

    @Test
    void a_new_password_follows_the_same_rules() throws Exception {
        String email = Browser.newEmail("change-rules");
        Browser here = Browser.registered(vitrine, email, PASSWORD);

        assertProblem(here.post("/api/me/password", body("currentPassword", PASSWORD, "newPassword", "short one")), 400, "too short");
        assertProblem(here.post("/api/me/password", body("currentPassword", PASSWORD, "newPassword", "1qaz2wsx3edc")), 400, "commonly used");
        assertProblem(here.post("/api/me/password", body("currentPassword", PASSWORD, "newPassword", "I am " + email)), 400,
                "e-mail address");
        assertEquals(200, new Browser(vitrine).signIn(email, PASSWORD).status(), "the password is unchanged");
    }

    /** The public id of the browser's own session, from its list of sessions. */
    private static String currentSessionId(Browser browser) throws Exception {
        for (JsonNode s : browser.get("/api/me/sessions").json()) {
            if (s.path("current").asBoolean()) {
                return s.path("id").asText();
            }
        }
        throw new AssertionError("no current session in the list");
    }
}
