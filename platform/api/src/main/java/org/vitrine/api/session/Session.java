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

    /**
     * Whether the session only waits for the second factor: its account proved the first factor with a sign-in
     * method and has two-factor authentication on. Such a session resolves to no caller (no API access, its CSRF token
     * is good for nothing but the code) until {@link org.vitrine.api.auth.SecondFactor#complete} replaces it.
     *
     * @since 1.1
     */
    boolean awaitingSecondFactor();

    /** A value kept for the life of the session (e.g. a provider token); empty when absent. */
    <T> Optional<T> attribute(String name, Class<T> type);

    void setAttribute(String name, Object value);

    void removeAttribute(String name);
}
