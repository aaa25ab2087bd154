package org.vitrine.onshape.client;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Keeps Vitrine's calls just under Onshape's rate limit, which Onshape does not announce. Calls start at most
 * one per interval. A 429 stops every caller until its {@code Retry-After} has passed and sets the interval to
 * a little more than the rate that was being accepted (multiplicative decrease); each accepted call then
 * shortens the interval very slightly (additive increase of the rate), probing back towards the limit without
 * a storm of 429s.
 */
final class Pacer {

    private static final long SECOND = 1_000_000_000L;
    private static final double BACK_OFF = 0.92;
    private static final double PROBE = 0.9995;

    private final Deque<Long> accepted = new ArrayDeque<>();
    private long intervalNanos;
    private long nextStart;
    private long pausedUntil;

    /** Reserves the next start slot; returns how long to wait before calling, in nanoseconds. */
    synchronized long reserve() {
        long now = System.nanoTime();
        long start = Math.max(now, Math.max(nextStart, pausedUntil));
        nextStart = start + intervalNanos;
        return start - now;
    }

    synchronized void accepted() {
        long now = System.nanoTime();
        accepted.addLast(now);
        while (!accepted.isEmpty() && accepted.peekFirst() < now - SECOND) {
            accepted.removeFirst();
        }
        intervalNanos = (long) (intervalNanos * PROBE);
    }

    synchronized void tooMany(long retryAfterSeconds) {
        long now = System.nanoTime();
        pausedUntil = Math.max(pausedUntil, now + retryAfterSeconds * SECOND);
        while (!accepted.isEmpty() && accepted.peekFirst() < now - SECOND) {
            accepted.removeFirst();
        }
        double acceptedRate = Math.max(1, accepted.size());
        long paced = (long) (SECOND / (acceptedRate * BACK_OFF));
        intervalNanos = Math.max(paced, intervalNanos == 0 ? 0 : (long) (intervalNanos / BACK_OFF));
        accepted.clear();
    }

    synchronized long intervalNanos() {
        return intervalNanos;
    }
}
