package org.vitrine.api.ratelimit;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Token-bucket rate limits by policy and key, e.g. policy {@code login.ip} keyed by the client address.
 * Policies and their budgets are configured in the web module's settings; an unknown policy is a
 * programming error.
 *
 * <p>Threading: thread-safe, in memory, microseconds.
 */
@ProviderType
public interface RateLimiter {

    /**
     * Takes one token from the bucket of this policy and key.
     *
     * @throws TooManyRequestsException when the bucket is empty, saying when to retry
     */
    void consume(String policy, String key);
}
