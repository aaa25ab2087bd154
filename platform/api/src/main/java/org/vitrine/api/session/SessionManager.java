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
 * <p>Threading: thread-safe; no I/O.
 */
@ProviderType
public interface SessionManager {

    /**
     * Signs an account in: a new session with a new id (the previous session of this browser, if any, ends,
     * so a session id planted before sign-in is worthless).
     */
    Session signIn(long accountId, Set<Role> roles, ClientInfo client, String previousSessionId);

    /** The live session with this secret id; touching it extends its idle time. */
    Optional<Session> find(String sessionId);

    /** Ends one session; returns whether it existed. */
    boolean end(String sessionId);

    /** Ends every session of the account except the one given (may be null); returns how many ended. */
    int endAll(long accountId, String exceptSessionId);

    /** The account's live sessions, newest first. */
    List<Session> of(long accountId);

    /** Applies changed roles to the account's live sessions. */
    void updateRoles(long accountId, Set<Role> roles);

    /** The {@code Set-Cookie} header value that hands the session to the browser. */
    String cookieHeader(Session session);

    /** The {@code Set-Cookie} header value that removes the session cookie. */
    String clearCookieHeader();
}
