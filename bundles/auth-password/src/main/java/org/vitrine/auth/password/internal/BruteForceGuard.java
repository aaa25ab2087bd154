package org.vitrine.auth.password.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.vitrine.api.ratelimit.TooManyRequestsException;

/**
 * Slows down guessing on one account: after a number of failures (default 30), each further attempt must
 * wait a growing time after the last failure (60 s more per failure) up to a cap (15 minutes), as Keycloak
 * does by default. It never locks the account: the wait ends by itself, and a success resets the count, so
 * an attacker cannot keep a real person out for long. Keyed by the normalised e-mail address, so unknown
 * addresses behave exactly like known ones. A count left alone for 12 hours starts again from zero.
 */
final class BruteForceGuard {

    private record Failures(int count, Instant last) {
    }

    private static final Duration RESET = Duration.ofHours(12);

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile int threshold;
    private volatile Duration step;
    private volatile Duration cap;

    BruteForceGuard(int threshold, Duration step, Duration cap, Clock clock) {
        this.clock = clock;
        configure(threshold, step, cap);
    }

    void configure(int threshold, Duration step, Duration cap) {
        this.threshold = Math.max(1, threshold);
        this.step = step;
        this.cap = cap;
    }

    /** Refuses with 429 while the key must wait. */
    void check(String key) {
        Failures f = failures.get(key);
        Instant now = clock.instant();
        if (f == null || f.count() < threshold || f.last().plus(RESET).isBefore(now)) {
            return;
        }
        Instant until = f.last().plus(waitFor(f.count()));
        if (now.isBefore(until)) {
            long seconds = Math.max(1, Duration.between(now, until).toSeconds());
            throw new TooManyRequestsException("Too many failed sign-ins for this account; try again in " + seconds + " s.", seconds);
        }
    }

    void failed(String key) {
        Instant now = clock.instant();
        failures.merge(key, new Failures(1, now),
                (old, one) -> old.last().plus(RESET).isBefore(now) ? one : new Failures(old.count() + 1, now));
        if (failures.size() > 100_000) {
            forgetExpired(now);
        }
    }

    void succeeded(String key) {
        failures.remove(key);
    }

    Duration waitFor(int count) {
        long steps = count - threshold + 1L;
        Duration wait = step.multipliedBy(Math.max(0, steps));
        return wait.compareTo(cap) > 0 ? cap : wait;
    }

    private void forgetExpired(Instant now) {
        failures.entrySet().removeIf(e -> e.getValue().last().plus(RESET).isBefore(now));
    }
}
