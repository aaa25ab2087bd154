package org.vitrine.auth.onshape.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sign-ins on their way through Onshape, by their {@code state}: where to return afterwards and which
 * signed-in account is connecting Onshape (if any). A state is single-use and expires after ten minutes; the
 * same random value is also put in a cookie, so an answer is only taken from the browser that started it.
 */
final class PendingSignIns {

    static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final int LIMIT = 50_000;

    record Pending(Instant createdAt, String returnTo, Long linkingAccountId) {
    }

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    PendingSignIns(Clock clock) {
        this.clock = clock;
    }

    String start(String returnTo, Long linkingAccountId) {
        Instant now = clock.instant();
        if (pending.size() > LIMIT) {
            pending.values().removeIf(p -> p.createdAt().plus(LIFETIME).isBefore(now));
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        pending.put(state, new Pending(now, returnTo, linkingAccountId));
        return state;
    }

    /** Takes the pending sign-in for this state, once; empty when unknown, used or expired. */
    Optional<Pending> take(String state) {
        if (state == null) {
            return Optional.empty();
        }
        Pending p = pending.remove(state);
        return p == null || p.createdAt().plus(LIFETIME).isBefore(clock.instant()) ? Optional.empty() : Optional.of(p);
    }
}
