package org.vitrine.api.security;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Who is calling: asks every registered {@link CallerResolver} in turn (the operations token, the session cookie,
 * ...). The API's request gate uses it, and so does anything that serves requests outside the REST API (a servlet
 * such as {@code /metrics}), so that every door recognises callers the same way.
 *
 * <p>Threading: called on request threads, concurrently; returns quickly.
 */
@ProviderType
public interface Callers {

    /** The caller these credentials prove to the first resolver that recognises them, or empty. */
    Optional<Caller> of(Credentials credentials);
}
