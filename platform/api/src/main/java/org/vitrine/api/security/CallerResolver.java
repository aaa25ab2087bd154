package org.vitrine.api.security;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Recognises a caller from a request's credentials. The web layer asks every registered resolver, so a new
 * way of signing in (a session, an API key) adds a resolver and no resource changes.
 *
 * <p>Threading: called on request threads, concurrently; must return quickly (no remote calls) and must
 * not throw for malformed input (return empty).
 */
@ConsumerType
public interface CallerResolver {

    /** The caller these credentials prove, or empty when they prove nothing to this resolver. */
    Optional<Caller> resolve(Credentials credentials);
}
