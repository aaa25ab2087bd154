package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vitrine.it.Problems.assertProblem;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Guessing passwords on one account is slowed down: with {@code bruteforce.failures = 3} and
 * {@code bruteforce.wait.seconds = 60}, the attempt after three failures must wait, even with the right
 * password, while other accounts sign in as usual.
 */
@Timeout(300)
class BruteForceTest {

    private static final String PASSWORD = "cobalt heron 58 over reeds";
    private static VitrineInstance vitrine;

    @BeforeAll
    static void start() throws Exception {
        vitrine = VitrineInstance.fresh("brute-force").generousSignInLimits()
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
