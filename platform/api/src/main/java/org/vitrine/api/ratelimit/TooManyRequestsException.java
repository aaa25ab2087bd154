package org.vitrine.api.ratelimit;

import org.vitrine.api.problem.DomainException;

/** A limit was reached; the response is 429 with a {@code Retry-After} header. */
public class TooManyRequestsException extends DomainException {

    private static final long serialVersionUID = 1L;
    private final long retryAfterSeconds;

    public TooManyRequestsException(String detail, long retryAfterSeconds) {
        super(Kind.TOO_MANY_REQUESTS, detail);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** Whole seconds after which the request may succeed. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
