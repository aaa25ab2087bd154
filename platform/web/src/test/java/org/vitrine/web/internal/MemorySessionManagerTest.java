package org.vitrine.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.vitrine.api.auth.SecondFactor;
import org.vitrine.api.security.Role;
import org.vitrine.api.session.ClientInfo;
import org.vitrine.api.session.Session;

class MemorySessionManagerTest {

    private static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-11-22T08:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static WebSettings settings() {
        return new WebSettings() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return WebSettings.class;
            }

            @Override
            public int session_idle_minutes() {
                return 30;
            }

            @Override
            public int session_absolute_hours() {
                return 12;
            }

            @Override
            public String session_cookie() {
                return "vitrine_session";
            }
        };
    }

    private final TestClock clock = new TestClock();
    private final ClientInfo client = new ClientInfo("192.0.2.1", "test");
    /** Accounts with two-factor authentication on, as the platform's second factor would tell. */
    private final Set<Long> withSecondFactor = new java.util.HashSet<>();

    private MemorySessionManager manager(boolean secure) {
        return new MemorySessionManager(settings(), secure, clock, new SecondFactor() {
            @Override
            public boolean required(long accountId) {
                return withSecondFactor.contains(accountId);
            }

            @Override
            public void check(long accountId, String code, String recoveryCode, String action, ClientInfo c) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Session complete(String pendingSessionId, String code, String recoveryCode, ClientInfo c) {
                throw new UnsupportedOperationException();
            }
        });
    }

    @Test
    void an_account_with_a_second_factor_gets_a_session_that_only_waits_for_it() {
        withSecondFactor.add(5L);
        var sessions = manager(false);
        Session waiting = sessions.signIn(5, Set.of(Role.ADMIN), client, null);
        waiting.setAttribute("token", "kept");
        assertTrue(waiting.awaitingSecondFactor());
        assertFalse(sessions.find(waiting.id()).isPresent(), "a waiting session is nobody's session");
        assertTrue(sessions.awaitingSecondFactor(waiting.id()).isPresent());
        assertEquals(1, sessions.of(5).size(), "listed among the account's sessions, so it can be ended");

        Session done = sessions.completeSecondFactor(waiting.id()).orElseThrow();
        assertNotEquals(waiting.id(), done.id());
        assertNotEquals(waiting.csrfToken(), done.csrfToken());
        assertFalse(done.awaitingSecondFactor());
        assertEquals("kept", done.attribute("token", String.class).orElseThrow());
        assertTrue(sessions.find(done.id()).isPresent());
        assertFalse(sessions.awaitingSecondFactor(waiting.id()).isPresent());
        assertTrue(sessions.completeSecondFactor(waiting.id()).isEmpty(), "a waiting session completes once");
        assertTrue(sessions.completeSecondFactor(done.id()).isEmpty(), "a signed-in session is not 'completed' again");
    }

    @Test
    void a_browser_signed_in_to_the_same_account_is_not_asked_again_but_another_account_is() {
        withSecondFactor.add(5L);
        withSecondFactor.add(6L);
        var sessions = manager(false);
        Session full = sessions.completeSecondFactor(sessions.signIn(5, Set.of(Role.USER), client, null).id()).orElseThrow();
        Session again = sessions.signIn(5, Set.of(Role.USER), client, full.id());
        assertFalse(again.awaitingSecondFactor(), "e.g. connecting Onshape while signed in");
        assertFalse(sessions.find(full.id()).isPresent(), "the id still changes");
        assertTrue(sessions.signIn(6, Set.of(Role.USER), client, again.id()).awaitingSecondFactor());
        Session waiting = sessions.signIn(5, Set.of(Role.USER), client, null);
        assertTrue(sessions.signIn(5, Set.of(Role.USER), client, waiting.id()).awaitingSecondFactor(),
                "a waiting session proves nothing");
    }

    @Test
    void a_session_waits_for_the_second_factor_ten_minutes_at_most() {
        withSecondFactor.add(5L);
        var sessions = manager(false);
        Session waiting = sessions.signIn(5, Set.of(Role.USER), client, null);
        for (int i = 0; i < 5; i++) {
            clock.now = clock.now.plus(Duration.ofMinutes(2));
            sessions.awaitingSecondFactor(waiting.id());
        }
        clock.now = clock.now.plus(Duration.ofSeconds(1));
        assertTrue(sessions.completeSecondFactor(waiting.id()).isEmpty());
    }

    @Test
    void nobody_is_signed_in_while_the_second_factor_cannot_be_asked() {
        var sessions = new MemorySessionManager(settings(), false, clock);
        org.vitrine.api.problem.DomainException refused = org.junit.jupiter.api.Assertions.assertThrows(
                org.vitrine.api.problem.DomainException.class, () -> sessions.signIn(1, Set.of(Role.USER), client, null));
        assertEquals(503, refused.kind().status());
        assertTrue(sessions.of(1).isEmpty());
    }

    @Test
    void an_idle_session_ends_after_thirty_minutes_and_a_used_one_after_twelve_hours() {
        var sessions = manager(false);
        Session idle = sessions.signIn(1, Set.of(Role.USER), client, null);
        Session busy = sessions.signIn(2, Set.of(Role.USER), client, null);
        // used every 20 minutes for just under 12 hours: it lives
        for (int i = 0; i < 35; i++) {
            clock.now = clock.now.plus(Duration.ofMinutes(20));
            assertTrue(sessions.find(busy.id()).isPresent(), "alive after " + (i + 1) * 20 + " minutes");
        }
        clock.now = clock.now.plus(Duration.ofMinutes(21));
        assertFalse(sessions.find(idle.id()).isPresent(), "idle more than 30 minutes");
        assertFalse(sessions.find(busy.id()).isPresent(), "older than 12 hours");
    }

    @Test
    void signing_in_again_replaces_the_previous_session_with_a_new_id() {
        var sessions = manager(false);
        Session first = sessions.signIn(1, Set.of(Role.USER), client, null);
        Session second = sessions.signIn(1, Set.of(Role.USER), client, first.id());
        assertNotEquals(first.id(), second.id());
        assertNotEquals(first.csrfToken(), second.csrfToken());
        assertFalse(sessions.find(first.id()).isPresent());
        assertTrue(sessions.find(second.id()).isPresent());
    }

    @Test
    void ending_all_but_the_current_session_and_cookie_flags() {
        var sessions = manager(true);
        Session a = sessions.signIn(7, Set.of(Role.USER), client, null);
        sessions.signIn(7, Set.of(Role.USER), client, null);
        sessions.signIn(7, Set.of(Role.USER), client, null);
        Session other = sessions.signIn(8, Set.of(Role.USER), client, null);
        assertEquals(2, sessions.endAll(7, a.id()));
        assertEquals(1, sessions.of(7).size());
        assertTrue(sessions.find(other.id()).isPresent());
        assertEquals("vitrine_session=" + a.id() + "; Path=/; HttpOnly; SameSite=Lax; Secure", sessions.cookieHeader(a));
        assertFalse(a.toString().contains(a.id()), "the session id never appears in logs");
    }
}
