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

    @Test
    void an_idle_session_ends_after_thirty_minutes_and_a_used_one_after_twelve_hours() {
        var sessions = new MemorySessionManager(settings(), false, clock);
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
        var sessions = new MemorySessionManager(settings(), false, clock);
        Session first = sessions.signIn(1, Set.of(Role.USER), client, null);
        Session second = sessions.signIn(1, Set.of(Role.USER), client, first.id());
        assertNotEquals(first.id(), second.id());
        assertNotEquals(first.csrfToken(), second.csrfToken());
        assertFalse(sessions.find(first.id()).isPresent());
        assertTrue(sessions.find(second.id()).isPresent());
    }

    @Test
    void ending_all_but_the_current_session_and_cookie_flags() {
        var sessions = new MemorySessionManager(settings(), true, clock);
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
