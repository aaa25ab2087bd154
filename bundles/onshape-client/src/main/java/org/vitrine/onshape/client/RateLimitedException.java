package org.vitrine.onshape.client;

import org.vitrine.api.ratelimit.TooManyRequestsException;

/**
 * Onshape asked Vitrine to wait longer than is reasonable to wait inside one call: the import job pauses and
 * says so, instead of hammering.
 */
public class RateLimitedException extends TooManyRequestsException {

    private static final long serialVersionUID = 1L;

    public RateLimitedException(long retryAfterSeconds) {
        super("Onshape asked us to wait " + retryAfterSeconds + " s before the next request.", retryAfterSeconds);
    }
}
