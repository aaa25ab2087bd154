package org.vitrine.it.onshape;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Misbehaviour and pacing of the fake's REST API, changeable at any time from a test.
 * <p>
 * Planned faults apply to the next N API calls, optionally only those whose path (relative to
 * {@code /api/v16}, e.g. {@code "/thumbnails"}) starts with a prefix; they are used up in the order they were
 * planned. The rate limit is a token bucket; beyond it the answer is 429 with {@code Retry-After}.
 * Every API answer carries {@code X-Rate-Limit-Remaining}.
 */
public final class Faults {

    /** What {@code X-Rate-Limit-Remaining} says while no rate limit is set. */
    static final int UNLIMITED_REMAINING = 10_000;

    private enum Kind { TOO_MANY_REQUESTS, SERVER_ERROR, STALL }

    private static final class Planned {
        final Kind kind;
        final int status;
        final long retryAfterSeconds;
        final Duration stall;
        final String pathPrefix;
        int left;

        Planned(Kind kind, int times, int status, long retryAfterSeconds, Duration stall, String pathPrefix) {
            if (times < 1) {
                throw new IllegalArgumentException("times must be at least 1");
            }
            this.kind = kind;
            this.left = times;
            this.status = status;
            this.retryAfterSeconds = retryAfterSeconds;
            this.stall = stall;
            this.pathPrefix = pathPrefix;
        }
    }

    private final List<Planned> planned = new ArrayList<>();
    private volatile Duration latency = Duration.ZERO;
    private volatile TokenBucket rateLimit;

    Faults() {
    }

    /** The next {@code times} API calls answer 429 with {@code Retry-After: retryAfterSeconds}. */
    public Faults tooManyRequests(int times, long retryAfterSeconds) {
        return tooManyRequests(times, retryAfterSeconds, "");
    }

    public Faults tooManyRequests(int times, long retryAfterSeconds, String pathPrefix) {
        return plan(new Planned(Kind.TOO_MANY_REQUESTS, times, 429, retryAfterSeconds, null, pathPrefix));
    }

    /** The next {@code times} API calls fail with {@code status} (5xx); a 502 comes as a gateway's HTML page. */
    public Faults serverErrors(int times, int status) {
        return serverErrors(times, status, "");
    }

    public Faults serverErrors(int times, int status, String pathPrefix) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("a server error is 5xx, not " + status);
        }
        return plan(new Planned(Kind.SERVER_ERROR, times, status, 0, null, pathPrefix));
    }

    /** The next {@code times} API calls get no answer for {@code silence} (then a normal one, if still wanted). */
    public Faults stall(int times, Duration silence) {
        return stall(times, silence, "");
    }

    public Faults stall(int times, Duration silence, String pathPrefix) {
        return plan(new Planned(Kind.STALL, times, 0, 0, silence, pathPrefix));
    }

    /** Every API call waits this long before it is answered. */
    public Faults latency(Duration perCall) {
        latency = perCall;
        return this;
    }

    /** At most {@code requestsPerSecond} API calls per second (burst: one second's worth); 0 lifts the limit. */
    public Faults rateLimit(double requestsPerSecond) {
        rateLimit = requestsPerSecond > 0 ? new TokenBucket(requestsPerSecond) : null;
        return this;
    }

    /** No planned faults, no latency, no rate limit. */
    public synchronized Faults clear() {
        planned.clear();
        latency = Duration.ZERO;
        rateLimit = null;
        return this;
    }

    private synchronized Faults plan(Planned fault) {
        planned.add(fault);
        return this;
    }

    /** How long to keep silent before answering this call: the latency plus a planned stall. */
    Duration delay(String apiPath) {
        return latency.plus(use(Kind.STALL, apiPath).map(p -> p.stall).orElse(Duration.ZERO));
    }

    /** The fault that answers this call instead of the API, if any. */
    Optional<Reply> answer(String apiPath) {
        Optional<Reply> planned = use(Kind.TOO_MANY_REQUESTS, apiPath).map(p -> tooMany(p.retryAfterSeconds))
                .or(() -> use(Kind.SERVER_ERROR, apiPath).map(p -> p.status == 502 ? Reply.badGateway()
                        : Reply.error(p.status, "An unexpected error occurred")));
        if (planned.isPresent()) {
            return planned;
        }
        TokenBucket bucket = rateLimit;
        OptionalLong wait = bucket == null ? OptionalLong.empty() : bucket.take();
        return wait.isPresent() ? Optional.of(tooMany(wait.getAsLong())) : Optional.empty();
    }

    int remaining() {
        TokenBucket bucket = rateLimit;
        return bucket == null ? UNLIMITED_REMAINING : bucket.remaining();
    }

    private synchronized Optional<Planned> use(Kind kind, String apiPath) {
        for (Iterator<Planned> it = planned.iterator(); it.hasNext(); ) {
            Planned fault = it.next();
            if (fault.kind == kind && apiPath.startsWith(fault.pathPrefix)) {
                if (--fault.left == 0) {
                    it.remove();
                }
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }

    private static Reply tooMany(long retryAfterSeconds) {
        return Reply.error(429, "Too many requests; retry after " + retryAfterSeconds + " seconds")
                .withHeader("Retry-After", Long.toString(retryAfterSeconds));
    }
}
