package org.vitrine.api.auth;

import org.osgi.annotation.versioning.ProviderType;
import org.vitrine.api.session.ClientInfo;
import org.vitrine.api.session.Session;

/**
 * The platform's second factor (an authenticator-app code or a single-use recovery code). It is enforced by the
 * platform, never by a sign-in method: {@link org.vitrine.api.session.SessionManager#signIn} asks
 * {@link #required(long)} and, when it answers yes, starts a session that only waits for the second factor (it
 * resolves to no caller). {@link #complete} turns such a session into a signed-in one. An {@link AuthMethod}
 * therefore needs to do nothing to get two-factor authentication.
 *
 * <p>Threading: thread-safe; each method may read the metadata store and must return quickly.
 */
@ProviderType
public interface SecondFactor {

    /**
     * The problem type of the 401 that every endpoint needing a signed-in caller answers while the browser's sign-in
     * waits for the second factor, so a client knows to ask for the code.
     */
    String PROBLEM_TYPE = "urn:vitrine:problem:second-factor-required";

    /** Whether a sign-in to the account must be completed with a second factor (it has a confirmed one). */
    boolean required(long accountId);

    /**
     * Checks a current authenticator code or an unused recovery code of the account; a recovery code is spent, a
     * code's time step cannot be used twice. Attempts are limited per account; a refusal is audited under
     * {@code action}.
     *
     * @throws org.vitrine.api.problem.DomainException FORBIDDEN when the code is missing, wrong or used; CONFLICT
     *                                                 when the account has no second factor; TOO_MANY_REQUESTS
     */
    void check(long accountId, String code, String recoveryCode, String action, ClientInfo client);

    /**
     * Completes a session waiting for the second factor with a code or a recovery code: the waiting session ends and
     * a signed-in one with a new id (and the same attributes) replaces it. The sign-in is audited.
     *
     * @param pendingSessionId the id of a session waiting for the second factor
     * @throws org.vitrine.api.problem.DomainException UNAUTHORIZED when there is no such waiting session or the code
     *                                                 is wrong (the waiting session stays, to try again);
     *                                                 TOO_MANY_REQUESTS
     */
    Session complete(String pendingSessionId, String code, String recoveryCode, ClientInfo client);
}
