package org.vitrine.core.twofactor;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vitrine.api.accounts.AccountStore;
import org.vitrine.api.accounts.TotpCredential;
import org.vitrine.api.audit.AuditEvent;
import org.vitrine.api.audit.AuditLog;
import org.vitrine.api.auth.SecondFactor;
import org.vitrine.api.crypto.SecretBox;
import org.vitrine.api.problem.DomainException;
import org.vitrine.api.ratelimit.RateLimiter;
import org.vitrine.api.session.ClientInfo;
import org.vitrine.api.session.Session;
import org.vitrine.api.session.SessionManager;

/**
 * The platform's second factor: an authenticator-app code (each time step once) or a single-use recovery code, checked
 * against the account's sealed TOTP secret and keyed recovery-code hashes. Sessions of accounts with a confirmed
 * credential wait for it ({@link SessionManager#signIn}); {@link #complete} finishes them. Every check counts against
 * the per-account budget {@code twofactor.account}, and every refusal is audited (never with the code).
 */
@Component(service = {SecondFactor.class, SecondFactorCheck.class})
public class SecondFactorCheck implements SecondFactor {

    static final String TOTP_PURPOSE = "totp-secret";
    static final String RECOVERY_PURPOSE = "recovery-code";
    static final String LIMIT = "twofactor.account";
    static final String WRONG_CODE = "The code is wrong or was already used.";

    private final AccountStore accounts;
    private final SecretBox secrets;
    private final AuditLog audit;
    private final RateLimiter limits;
    private final SessionManager sessions;
    private final Totp totp = new Totp();
    private final Clock clock = Clock.systemUTC();

    @Activate
    public SecondFactorCheck(@Reference AccountStore accounts, @Reference SecretBox secrets, @Reference AuditLog audit,
                             @Reference RateLimiter limits, @Reference SessionManager sessions) {
        this.accounts = accounts;
        this.secrets = secrets;
        this.audit = audit;
        this.limits = limits;
        this.sessions = sessions;
    }

    @Override
    public boolean required(long accountId) {
        return confirmed(accountId).isPresent();
    }

    @Override
    public void check(long accountId, String code, String recoveryCode, String action, ClientInfo client) {
        limits.consume(LIMIT, Long.toString(accountId));
        TotpCredential credential = confirmed(accountId)
                .orElseThrow(() -> DomainException.conflict("Two-factor authentication is not on."));
        if (accepted(accountId, credential, code, recoveryCode) == null) {
            record(accountId, action, client, "refused", blank(code) && blank(recoveryCode) ? "no second factor" : "wrong second factor");
            throw new DomainException(DomainException.Kind.FORBIDDEN, blank(code) && blank(recoveryCode)
                    ? "Two-factor authentication is on: send the current 'code' from your app or a 'recoveryCode'."
                    : WRONG_CODE);
        }
    }

    @Override
    public Session complete(String pendingSessionId, String code, String recoveryCode, ClientInfo client) {
        Session pending = sessions.awaitingSecondFactor(pendingSessionId).orElseThrow(() -> new DomainException(
                DomainException.Kind.UNAUTHORIZED, "No sign-in is waiting for a code here (it may have taken longer than "
                + "ten minutes): sign in again."));
        long accountId = pending.accountId();
        limits.consume(LIMIT, Long.toString(accountId));
        Optional<TotpCredential> credential = confirmed(accountId);
        if (blank(code) && blank(recoveryCode)) {
            throw DomainException.badRequest("Send the current 'code' from your authenticator app, or a 'recoveryCode'.");
        }
        // a credential removed meanwhile (e.g. by an admin) leaves nothing to check against: refuse rather than wave through
        String used = credential.isEmpty() ? null : accepted(accountId, credential.get(), code, recoveryCode);
        if (used == null) {
            record(accountId, "auth.second-factor", client, "failure", "wrong second factor");
            throw new DomainException(DomainException.Kind.UNAUTHORIZED, WRONG_CODE);
        }
        Session done = sessions.completeSecondFactor(pendingSessionId).orElseThrow(() -> new DomainException(
                DomainException.Kind.UNAUTHORIZED, "This sign-in was already completed or has ended: sign in again."));
        accounts.recordSignIn(accountId, clock.instant());
        record(accountId, "auth.second-factor", client, "success", used);
        return done;
    }

    /** The account's confirmed credential; an enrolment not yet confirmed protects nothing. */
    Optional<TotpCredential> confirmed(long accountId) {
        return accounts.totp(accountId).filter(TotpCredential::confirmed);
    }

    /** Whether the code is valid now and its step unused, spending the step. */
    boolean codeAccepted(long accountId, TotpCredential credential, String code) {
        if (blank(code)) {
            return false;
        }
        OptionalLong step = totp.matchingStep(secrets.open(TOTP_PURPOSE, credential.secret()), code, clock.instant());
        return step.isPresent() && accounts.advanceTotpStep(accountId, step.getAsLong());
    }

    /** What was accepted ("authenticator code" or "recovery code", spent), or null when neither. */
    private String accepted(long accountId, TotpCredential credential, String code, String recovery) {
        if (codeAccepted(accountId, credential, code)) {
            return "authenticator code";
        }
        String normalised = RecoveryCodes.normalise(recovery);
        boolean spent = !normalised.isEmpty() && accounts.useRecoveryCode(accountId, secrets.keyedHash(RECOVERY_PURPOSE, normalised));
        return spent ? "recovery code" : null;
    }

    /** Appends an audit event about the account, by the account (never with a code). */
    void record(long accountId, String action, ClientInfo client, String outcome, String detail) {
        String account = "account:" + accountId;
        audit.append(new AuditEvent(Instant.now(clock), account, action, account, client.ip(), outcome, detail));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
