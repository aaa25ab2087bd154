package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vitrine.it.Problems.assertProblem;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Guessing passwords on one account is slowed down without keeping its owner out: with {@code bruteforce.failures = 3},
 * {@code bruteforce.wait.seconds = 60} and {@code rate.login.account = 5/1m}, a browser that is not a known device of
 * the account must wait after three failures, even with the right password, while other accounts sign in as usual; the
 * owner's own browser, holding the device cookie of an earlier sign-in to the account, signs in at once every time
 * during the attack, and has a bound of its own on its own wrong guesses. A forged device cookie, or that of another
 * account, spares nobody.
 */
@Timeout(300)
class BruteForceTest {

    private static final String PASSWORD = "cobalt heron 58 over reeds";
    private static final String DEVICE = "vitrine_device";
    private static VitrineInstance vitrine;

    @BeforeAll
    static void start() throws Exception {
        vitrine = VitrineInstance.fresh("brute-force").generousSignInLimits()
                .setting("platform.properties", "rate.login.account", "5/1m")
                .setting("auth-password.properties", "bruteforce.failures", "3")
                .setting("auth-password.properties", "bruteforce.wait.seconds", "60")
                .start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (vitrine != null) {
            vitrine.close();
        }
    }

    @Test
    void after_three_failures_even_the_right_password_must_wait() throws Exception {
        String email = Browser.newEmail("guessed");
        Browser.registered(vitrine, email, PASSWORD);
        failThreeTimes(email);

        Browser.Reply waiting = new Browser(vitrine).signIn(email, PASSWORD);
        assertWaitFor(waiting);
        assertTrue(waiting.sessionCookie().isEmpty(), "no session while the account waits");
    }

    @Test
    void the_wait_of_one_account_leaves_other_accounts_alone() throws Exception {
        String guessed = Browser.newEmail("guessed-too");
        String bystander = Browser.newEmail("bystander");
        Browser.registered(vitrine, guessed, PASSWORD);
        Browser.registered(vitrine, bystander, PASSWORD);
        failThreeTimes(guessed);

        assertEquals(200, new Browser(vitrine).signIn(bystander, PASSWORD).status(), "another account signs in");
        assertWaitFor(new Browser(vitrine).signIn(guessed, PASSWORD));
    }

    @Test
    void an_unknown_address_is_slowed_down_like_a_known_one() throws Exception {
        String unknown = Browser.newEmail("nobody");
        failThreeTimes(unknown);
        assertWaitFor(new Browser(vitrine).signIn(unknown, PASSWORD));
    }

    @Test
    void during_an_attack_the_owners_known_browser_signs_in_every_time_and_other_browsers_wait() throws Exception {
        String email = Browser.newEmail("besieged");
        Browser owner = new Browser(vitrine).keepCookie(DEVICE);
        assertEquals(200, owner.registerAndSignIn(email, PASSWORD, "Besieged Owner").status());
        assertNotNull(owner.cookie(DEVICE), "the sign-in made the owner's browser a known device");

        for (int guess = 1; guess <= 8; guess++) {
            Browser.Reply guessed = new Browser(vitrine).signIn(email, "wrong guess number " + guess);
            if (guess <= 3) {
                assertProblem(guessed, 401, "");
            } else {
                assertWaitFor(guessed); // the growing wait first, then the address's budget of 5 a minute as well
            }
            if (guess % 2 == 0) {
                Browser.Reply own = owner.signIn(email, PASSWORD);
                assertEquals(200, own.status(), "the owner's browser during the attack, after guess " + guess + ": " + own);
                assertTrue(own.sessionCookie().isPresent(), own.headers().toString());
            }
        }
        Browser.Reply elsewhere = new Browser(vitrine).signIn(email, PASSWORD);
        assertWaitFor(elsewhere);
        assertTrue(elsewhere.sessionCookie().isEmpty(), "the right password from a browser the account never used still waits");
        assertEquals(200, owner.signIn(email, PASSWORD).status(), "the owner again, while other browsers wait");
        assertEquals(200, owner.me().status());
    }

    @Test
    void a_forged_device_cookie_or_that_of_another_account_spares_nobody() throws Exception {
        String victim = Browser.newEmail("victim");
        Browser.registered(vitrine, victim, PASSWORD);
        Browser attacker = new Browser(vitrine).keepCookie(DEVICE);
        assertEquals(200, attacker.registerAndSignIn(Browser.newEmail("attacker"), PASSWORD, "Attacker").status());
        assertNotNull(attacker.cookie(DEVICE), "a device cookie, known for the attacker's own account");
        failThreeTimes(victim);

        assertWaitFor(attacker.signIn(victim, PASSWORD));
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        for (String cookie : new String[] {forged, attacker.cookie(DEVICE) + "x", "", "../" + forged}) {
            Browser.Reply reply = new Browser(vitrine).send("POST", "/api/auth/password/login",
                    Browser.body("email", victim, "password", PASSWORD), Map.of("Cookie", DEVICE + "=" + cookie));
            assertWaitFor(reply);
        }
    }

    @Test
    void the_owners_browser_has_a_bound_of_its_own_on_its_own_wrong_guesses() throws Exception {
        String email = Browser.newEmail("fumbling");
        Browser owner = new Browser(vitrine).keepCookie(DEVICE);
        assertEquals(200, owner.registerAndSignIn(email, PASSWORD, "Fumbling Owner").status());
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertProblem(owner.signIn(email, "wrong guess number " + attempt), 401, "");
        }
        assertWaitFor(owner.signIn(email, PASSWORD));
        assertEquals(200, new Browser(vitrine).signIn(email, PASSWORD).status(),
                "the device's failures are its own: they do not slow down the account's address for other browsers");
    }

    private static void failThreeTimes(String email) throws Exception {
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertProblem(new Browser(vitrine).signIn(email, "wrong guess number " + attempt), 401, "");
        }
    }

    /** 429, saying to try again, with a Retry-After within the configured wait. */
    private static void assertWaitFor(Browser.Reply reply) {
        assertProblem(reply, 429, "try again");
        long retryAfter = Long.parseLong(reply.header("Retry-After")
                .orElseThrow(() -> new AssertionError("no Retry-After: " + reply.headers())));
        assertTrue(retryAfter > 0 && retryAfter <= 60, "Retry-After " + retryAfter);
    }
}
