package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vitrine.it.Browser.body;
import static org.vitrine.it.Problems.assertProblem;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Password reset over a real SMTP server: the request answers the same for every address and mails only existing
 * accounts; the link works once, within its lifetime; using it ends every session and signs nobody in, and the
 * second factor stays; requests are limited per client (429) and per address (silently).
 */
class PasswordResetTest {

    private static final String PASSWORD = "quiet harbour 47 at dawn";
    private static final String NEW_PASSWORD = "silver orchard 19 in rain";
    private static Mailbox mail;
    private static VitrineInstance vitrine;

    @BeforeAll
    static void start() throws Exception {
        mail = Mailbox.start();
        vitrine = mail.configure(VitrineInstance.fresh("password-reset").generousSignInLimits())
                .setting("platform.properties", "rate.reset.ip", "100000/1h")
                .setting("platform.properties", "rate.reset.address", "3/1h")
                .start();
    }

    @AfterAll
    static void stop() throws Exception {
        Closing.all(vitrine, mail);
    }

    @Test
    void the_reset_link_sets_a_new_password_once_ends_every_session_and_signs_nobody_in() throws Exception {
        String email = Browser.newEmail("forgetful");
        Browser laptop = registered(email);
        Browser phone = Browser.signedIn(vitrine, email, PASSWORD, "phone");
        int before = mail.count(email, Mailbox.RESET);

        assertEquals(202, new Browser(vitrine).post("/api/auth/password/reset-request", body("email", email.toUpperCase())).status());
        String token = EmailLinks.token(mail.awaitCount(email, Mailbox.RESET, before + 1), EmailLinks.RESET_PAGE);
        assertProblem(reset(token, "short"), 400, "too short");
        Browser stranger = new Browser(vitrine);
        Browser.Reply done = stranger.post("/api/auth/password/reset", body("token", token, "password", NEW_PASSWORD));

        assertEquals(200, done.status(), done.toString());
        assertEquals(2, done.json().path("sessionsEnded").asInt(), done.toString());
        assertTrue(stranger.sessionCookie() == null, "the reset signs nobody in");
        assertEquals(401, laptop.me().status(), "an old session cookie no longer works");
        assertEquals(401, phone.me().status(), "nor does any other");
        assertProblem(reset(token, "another fine 88 password"), 410, "already used");
        assertEquals(401, new Browser(vitrine).signIn(email, PASSWORD).status(), "the old password is gone");
        assertEquals(200, new Browser(vitrine).signIn(email, NEW_PASSWORD).status());
        assertTrue(AuditTrail.of(vitrine, "password.reset").stream().anyMatch(e -> "success".equals(e.outcome())));
    }

    @Test
    void a_reset_link_used_by_several_tabs_at_once_works_for_exactly_one() throws Exception {
        String email = Browser.newEmail("racer");
        registered(email);
        new Browser(vitrine).post("/api/auth/password/reset-request", body("email", email));
        String token = EmailLinks.token(mail.awaitCount(email, Mailbox.RESET, 1), EmailLinks.RESET_PAGE);

        assertEquals(List.of(200, 410, 410, 410), AtOnce.statuses(4, () -> reset(token, NEW_PASSWORD)));
    }

    @Test
    void after_a_reset_signing_in_to_a_two_factor_account_still_needs_a_code() throws Exception {
        String email = Browser.newEmail("second-factor");
        Browser browser = registered(email);
        AuthenticatorApp app = new AuthenticatorApp(browser.post("/api/me/2fa", null).json().path("secret").asText());
        assertEquals(200, browser.post("/api/me/2fa/confirm", body("code", app.currentCode())).status());
        int before = mail.count(email, Mailbox.RESET);

        new Browser(vitrine).post("/api/auth/password/reset-request", body("email", email));
        String token = EmailLinks.token(mail.awaitCount(email, Mailbox.RESET, before + 1), EmailLinks.RESET_PAGE);
        assertEquals(200, reset(token, NEW_PASSWORD).status());

        SecondFactorSteps.assertAwaitsCode(new Browser(vitrine).signIn(email, NEW_PASSWORD));
        Browser.Reply withCode = new Browser(vitrine).post("/api/auth/password/login",
                body("email", email, "password", NEW_PASSWORD, "totp", app.nextCode()));
        assertEquals(200, withCode.status(), withCode.toString());
    }

    @Test
    void a_request_for_an_unknown_address_answers_exactly_as_for_a_known_one_and_sends_nothing() throws Exception {
        String known = Browser.newEmail("known");
        registered(known);
        String unknown = Browser.newEmail("nobody");
        int before = mail.count(known, Mailbox.RESET);

        Browser.Reply forKnown = new Browser(vitrine).post("/api/auth/password/reset-request", body("email", known));
        Browser.Reply forUnknown = new Browser(vitrine).post("/api/auth/password/reset-request", body("email", unknown));

        assertEquals(202, forKnown.status());
        assertEquals(forKnown.status(), forUnknown.status());
        assertEquals(forKnown.body(), forUnknown.body(), "the same words");
        mail.awaitCount(known, Mailbox.RESET, before + 1);
        Thread.sleep(2000); // the unknown address was asked for after the known one, which has arrived
        assertEquals(0, mail.count(unknown), "nothing is sent to an address without an account");
        assertProblem(new Browser(vitrine).post("/api/auth/password/reset-request", body("email", "not an address")), 400, "e-mail");
    }

    @Test
    void requests_for_one_address_are_limited_silently() throws Exception {
        String email = Browser.newEmail("flooded");
        registered(email);
        int before = mail.count(email, Mailbox.RESET);

        for (int i = 0; i < 5; i++) {
            Browser.Reply reply = new Browser(vitrine).post("/api/auth/password/reset-request", body("email", email));
            assertEquals(202, reply.status(), "over the per-address limit the answer does not change: " + reply);
        }

        mail.awaitCount(email, Mailbox.RESET, before + 3);
        Thread.sleep(2000);
        assertEquals(before + 3, mail.count(email, Mailbox.RESET), "three messages (rate.reset.address = 3/1h), not five");
    }

    @Test
    void requests_from_one_client_are_limited_with_429() throws Exception {
        vitrine.setting("platform.properties", "rate.reset.ip", "2/1h");
        try {
            Browser.Reply last = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline) { // until the new budget applies
                last = new Browser(vitrine).post("/api/auth/password/reset-request", body("email", Browser.newEmail("ip")));
                if (last.status() == 429) {
                    break;
                }
                Thread.sleep(200);
            }
            assertProblem(last, 429, "Too many");
            assertTrue(last.header("Retry-After").isPresent(), last.toString());
        } finally {
            vitrine.setting("platform.properties", "rate.reset.ip", "100000/1h");
            Thread.sleep(3000);
        }
    }

    @Test
    void an_expired_link_is_refused_and_the_password_stays() throws Exception {
        String email = Browser.newEmail("slow");
        registered(email);
        vitrine.setting("auth-password.properties", "reset.link.seconds", "1");
        try {
            Thread.sleep(3000); // module settings apply within a second or two
            int before = mail.count(email, Mailbox.RESET);
            new Browser(vitrine).post("/api/auth/password/reset-request", body("email", email));
            String token = EmailLinks.token(mail.awaitCount(email, Mailbox.RESET, before + 1), EmailLinks.RESET_PAGE);
            Thread.sleep(1500);

            assertProblem(reset(token, NEW_PASSWORD), 410, "expired");
            assertEquals(200, new Browser(vitrine).signIn(email, PASSWORD).status(), "the old password still works");
        } finally {
            vitrine.setting("auth-password.properties", "reset.link.seconds", "1800");
            Thread.sleep(3000);
        }
    }

    /** A new account, once its verification message has arrived (so later counts are not thrown off by it). */
    private static Browser registered(String email) throws Exception {
        Browser browser = Browser.registered(vitrine, email, PASSWORD);
        mail.awaitCount(email, Mailbox.VERIFY, 1);
        return browser;
    }

    private static Browser.Reply reset(String token, String password) throws Exception {
        return new Browser(vitrine).post("/api/auth/password/reset", body("token", token, "password", password));
    }
}
