package org.vitrine.it.onshape;

import java.util.OptionalLong;

/** A rate limit of {@code rate} requests per second with a burst of one second's worth. */
final class TokenBucket {

    private final double rate;
    private final double capacity;
    private double tokens;
    private long refilledAt = System.nanoTime();

    TokenBucket(double rate) {
        this.rate = rate;
        this.capacity = Math.max(1, rate);
        this.tokens = capacity;
    }

    /** Takes one token; when none is left, says how many whole seconds until one is. */
    synchronized OptionalLong take() {
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, (long) Math.ceil((1 - tokens) / rate)));
    }

    synchronized int remaining() {
        refill();
        return (int) Math.floor(tokens);
    }

    private void refill() {
        long now = System.nanoTime();
        tokens = Math.min(capacity, tokens + (now - refilledAt) / 1e9 * rate);
        refilledAt = now;
    }
}
