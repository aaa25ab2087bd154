package org.vitrine.core.privacy;

import java.time.Clock;
import java.time.Duration;

import org.vitrine.api.audit.AuditEvent;
import org.vitrine.api.audit.AuditLog;
import org.vitrine.api.auth.SecondFactor;
import org.vitrine.api.privacy.OwnerConfirmation;
import org.vitrine.api.problem.DomainException;
import org.vitrine.api.session.ClientInfo;
import org.vitrine.api.session.Session;

/**
 * How the person behind a session proves they own the account before a sensitive change: with the password through
 * {@link OwnerConfirmation}; an account without a password, or any account while the password module is off, with a
 * sign-in less than {@link #FRESH_SIGN_IN} old. When two-factor authentication is on, the platform's
 * {@link SecondFactor} also needs a current code or a recovery code, whatever the account's sign-in methods.
 *
 * @param password     may be null
 * @param code         a current authenticator code; may be null
 * @param recoveryCode an unused recovery code; may be null
 */
public record OwnerProof(String password, String code, String recoveryCode) {

    public static final Duration FRESH_SIGN_IN = Duration.ofMinutes(10);

    /**
     * Checks the proof; refusals are audited under {@code action}.
     *
     * @param owner        the password module's confirmation, or null while it is off
     * @param secondFactor the platform's second factor
     * @param what  what is being confirmed, for messages ("the deletion of your account")
     */
    public void check(OwnerConfirmation owner, SecondFactor secondFactor, Session session, String action, String what, ClientInfo client,
                      AuditLog audit, Clock clock) {
        long accountId = session.accountId();
        boolean hasPassword = owner != null && owner.hasPassword(accountId);
        if (hasPassword && (password == null || password.isEmpty())) {
            throw DomainException.badRequest("Send your 'password' to confirm " + what + ".");
        }
        if (!hasPassword && session.createdAt().isBefore(clock.instant().minus(FRESH_SIGN_IN))) {
            audit.append(new AuditEvent(clock.instant(), "account:" + accountId, action, "account:" + accountId, client.ip(),
                    "refused", "sign-in not recent"));
            throw new DomainException(DomainException.Kind.FORBIDDEN, "Sign in again to confirm: " + what
                    + " needs, for an account without a password, a sign-in less than " + FRESH_SIGN_IN.toMinutes() + " minutes old.");
        }
        if (owner != null) {
            owner.confirm(accountId, action, password, null, null, client);
        }
        if (secondFactor.required(accountId)) {
            secondFactor.check(accountId, code, recoveryCode, action, client);
        }
    }
}
