package org.vitrine.api.privacy;

import org.osgi.annotation.versioning.ProviderType;
import org.vitrine.api.session.ClientInfo;

/**
 * Confirms that the person behind a session is the account's owner before an irreversible change, with the
 * account's password. Provided by the module that keeps passwords; when it is off, a recent sign-in is the only
 * proof. The second factor is not its business: the platform checks it with
 * {@link org.vitrine.api.auth.SecondFactor#check}, whichever module keeps passwords.
 *
 * <p>Threading: thread-safe; may block for the time of a password hash (tens of milliseconds).
 */
@ProviderType
public interface OwnerConfirmation {

    /** Whether the account has a password to confirm with. */
    boolean hasPassword(long accountId);

    /**
     * Checks the password (when the account has one). {@code code} and {@code recoveryCode} are ignored (the
     * platform checks the second factor); they stay for compatibility. A refusal is audited under {@code action}
     * (e.g. {@code account.delete}).
     *
     * @throws org.vitrine.api.problem.DomainException FORBIDDEN naming what is wrong; TOO_MANY_REQUESTS when the
     *                                                 account tried too often
     */
    void confirm(long accountId, String action, String password, String code, String recoveryCode, ClientInfo client);
}
