package org.vitrine.auth.password.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.vitrine.api.ratelimit.TooManyRequestsException;

class BruteForceGuardTest {

    /** A clock the test moves by hand. */
    private static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-11-22T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void after_the_threshold_each_failure_adds_a_step_up_to_the_cap_and_never_locks_for_good() {
        TestClock clock = new TestClock();
        var guard = new BruteForceGuard(30, Duration.ofSeconds(60), Duration.ofMinutes(15), clock);
        for (int i = 0; i < 29; i++) {
            guard.failed("ada@example.org");
        }
        assertDoesNotThrow(() -> guard.check("ada@example.org"), "29 failures: no wait yet");
        guard.failed("ada@example.org");
        TooManyRequestsException wait = assertThrows(TooManyRequestsException.class, () -> guard.check("ada@example.org"));
        assertEquals(60, wait.retryAfterSeconds());
        assertDoesNotThrow(() -> guard.check("bob@example.org"), "other accounts are unaffected");

        clock.now = clock.now.plusSeconds(61);
        assertDoesNotThrow(() -> guard.check("ada@example.org"), "the wait ends by itself");
        guard.failed("ada@example.org");
        assertEquals(120, assertThrows(TooManyRequestsException.class, () -> guard.check("ada@example.org")).retryAfterSeconds());

        for (int i = 0; i < 100; i++) {
            guard.failed("ada@example.org");
        }
        assertEquals(900, assertThrows(TooManyRequestsException.class, () -> guard.check("ada@example.org")).retryAfterSeconds(),
                "capped at 15 minutes");
        guard.succeeded("ada@example.org");
        assertDoesNotThrow(() -> guard.check("ada@example.org"), "a success resets");
    }

    @Test
    void failures_left_alone_for_twelve_hours_are_forgotten() {
        TestClock clock = new TestClock();
        var guard = new BruteForceGuard(3, Duration.ofSeconds(60), Duration.ofMinutes(15), clock);
        guard.failed("k");
        guard.failed("k");
        clock.now = clock.now.plus(Duration.ofHours(13));
        guard.failed("k");
        assertDoesNotThrow(() -> guard.check("k"), "the count started again at one");
    }
}
