package org.vitrine.api.session;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;
import org.vitrine.api.security.Role;

/**
 * Starts, finds and ends sessions, and writes their cookie. Sessions expire after an idle time (default
 * 30 minutes) and an absolute lifetime (default 12 hours).
 *
 * <p>Threading: thread-safe; {@link #signIn} asks the platform's {@link org.vitrine.api.auth.SecondFactor} whether the
 * account needs a second factor (one store read), the rest does no I/O.
 */
@ProviderType
public interface SessionManager {

    /**
     * Signs an account in: a new session with a new id (the previous session of this browser, if any, ends,
     * so a session id planted before sign-in is worthless). Every sign-in method goes through here, and here the
     * platform enforces the second factor: when the account has it on, the new session only
     * {@linkplain Session#awaitingSecondFactor() waits for it} and {@link #find} does not return it (unless the
     * previous session is a signed-in session of the same account, which proved it already). Fails (503) when
     * the platform cannot tell whether a second factor is needed.
     */
    Session signIn(long accountId, Set<Role> roles, ClientInfo client, String previousSessionId);

    /**
     * The live signed-in session with this secret id (never one waiting for the second factor); touching it extends
     * its idle time.
     */
    Optional<Session> find(String sessionId);

    /**
     * The live session with this secret id that waits for the second factor; such a session lives a few minutes.
     *
     * @since 1.1
     */
    Optional<Session> awaitingSecondFactor(String sessionId);

    /**
     * Replaces a session waiting for the second factor with a signed-in one: a new id and CSRF token, the same
     * attributes. Only the platform's {@link org.vitrine.api.auth.SecondFactor} calls this, after checking a code.
     *
     * @return the signed-in session, or empty when no such waiting session lives
     * @since 1.1
     */
    Optional<Session> completeSecondFactor(String pendingSessionId);

    /**
     * The name of the session cookie, for an endpoint that must find a session that resolves to no caller.
     *
     * @since 1.1
     */
    String cookieName();

    /** Ends one session; returns whether it existed. */
    boolean end(String sessionId);

    /**
     * Ends every session of the account (also those waiting for the second factor) except the one given (may be
     * null); returns how many ended.
     */
    int endAll(long accountId, String exceptSessionId);

    /** The account's live sessions (also those waiting for the second factor), newest first. */
    List<Session> of(long accountId);

    /** Applies changed roles to the account's live sessions. */
    void updateRoles(long accountId, Set<Role> roles);

    /** The {@code Set-Cookie} header value that hands the session to the browser. */
    String cookieHeader(Session session);

    /** The {@code Set-Cookie} header value that removes the session cookie. */
    String clearCookieHeader();
}
