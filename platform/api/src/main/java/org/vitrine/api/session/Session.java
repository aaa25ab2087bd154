package org.vitrine.api.session;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;
import org.vitrine.api.security.Role;

/**
 * A signed-in person's server-side session. It lives in memory only: provider tokens kept in its attributes
 * never touch the disk and are forgotten when it ends.
 *
 * <p>Threading: thread-safe.
 */
@ProviderType
public interface Session {

    /** The secret session id carried by the cookie; never log it. */
    String id();

    /** A short public id that names the session in lists and in {@code DELETE /api/me/sessions/{id}}. */
    String publicId();

    long accountId();

    Set<Role> roles();

    /** The token a browser must echo in the {@code X-CSRF-Token} header of state-changing requests. */
    String csrfToken();

    Instant createdAt();

    Instant lastSeenAt();

    ClientInfo client();

    /** A value kept for the life of the session (e.g. a provider token); empty when absent. */
    <T> Optional<T> attribute(String name, Class<T> type);

    void setAttribute(String name, Object value);

    void removeAttribute(String name);
}
