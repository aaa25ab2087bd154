package org.vitrine.core.twofactor;

import java.time.Clock;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.vitrine.api.accounts.Account;
import org.vitrine.api.accounts.AccountStore;
import org.vitrine.api.accounts.TotpCredential;
import org.vitrine.api.audit.AuditLog;
import org.vitrine.api.crypto.SecretBox;
import org.vitrine.api.privacy.OwnerConfirmation;
import org.vitrine.api.problem.DomainException;
import org.vitrine.api.ratelimit.RateLimiter;
import org.vitrine.api.session.ClientInfo;
import org.vitrine.api.session.Session;
import org.vitrine.core.privacy.OwnerProof;

/**
 * Turning the second factor on and off, for any account whatever its sign-in methods (an account that signs in only
 * with a provider is protected just the same, since the platform asks for the code after every method). Enrolment
 * seals a new secret; a first valid code confirms it and yields ten recovery codes, shown once. Turning it off needs
 * the owner's proof: a current code or a recovery code, plus the password when the account has one (or, without a
 * password, a sign-in of the last ten minutes) — the same proof as deleting the account.
 */
// the platform's settings PID (config/platform.properties); its metatype is designated elsewhere, read typed all the same
@Component(service = TwoFactorEnrolment.class, configurationPid = TwoFactorEnrolment.PID)
public class TwoFactorEnrolment {

    static final String PID = "org.vitrine.web";

    /** What a person needs to enrol an authenticator app. */
    public record Enrolment(String secret, String otpauthUri, String qrCode) {
    }

    private final AccountStore accounts;
    private final SecretBox secrets;
    private final AuditLog audit;
    private final RateLimiter limits;
    private final SecondFactorCheck check;
    private final Totp totp = new Totp();
    private final RecoveryCodes recoveryCodes = new RecoveryCodes();
    private final Clock clock = Clock.systemUTC();
    /** The password module's confirmation; absent while it is off. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile OwnerConfirmation confirmation;
    private volatile String issuer;

    @Activate
    public TwoFactorEnrolment(@Reference AccountStore accounts, @Reference SecretBox secrets, @Reference AuditLog audit,
                              @Reference RateLimiter limits, @Reference SecondFactorCheck check, TwoFactorSettings settings) {
        this.accounts = accounts;
        this.secrets = secrets;
        this.audit = audit;
        this.limits = limits;
        this.check = check;
        modified(settings);
    }

    @Modified
    void modified(TwoFactorSettings settings) {
        this.issuer = settings.accounts_totp_issuer();
    }

    Enrolment start(long accountId, ClientInfo client) {
        limits.consume(SecondFactorCheck.LIMIT, Long.toString(accountId));
        if (check.confirmed(accountId).isPresent()) {
            throw DomainException.conflict("Two-factor authentication is already on; turn it off first to enrol another app.");
        }
        Account account = accounts.byId(accountId).orElseThrow(() -> DomainException.notFound("No such account."));
        byte[] secret = totp.newSecret();
        accounts.saveTotp(accountId, new TotpCredential(secrets.seal(SecondFactorCheck.TOTP_PURPOSE, secret), null, null));
        String uri = Totp.otpauthUri(issuer, account.email(), secret);
        check.record(accountId, "2fa.enrol", client, "success", "enrolment started");
        return new Enrolment(Totp.base32(secret), uri, Totp.qrCodeDataUrl(uri));
    }

    /** Turns the second factor on with a first valid code; returns the recovery codes, shown once. */
    List<String> confirm(long accountId, String code, ClientInfo client) {
        limits.consume(SecondFactorCheck.LIMIT, Long.toString(accountId));
        TotpCredential pending = accounts.totp(accountId)
                .orElseThrow(() -> DomainException.conflict("Start enrolment first: POST /api/me/2fa."));
        if (pending.confirmed()) {
            throw DomainException.conflict("Two-factor authentication is already on.");
        }
        if (!check.codeAccepted(accountId, pending, code)) {
            check.record(accountId, "2fa.enable", client, "failure", "wrong code");
            throw DomainException.badRequest("The code is wrong or was already used; enter the current code from your app.");
        }
        accounts.confirmTotp(accountId, clock.instant());
        List<String> codes = recoveryCodes.generate();
        accounts.replaceRecoveryCodes(accountId, codes.stream()
                .map(c -> secrets.keyedHash(SecondFactorCheck.RECOVERY_PURPOSE, RecoveryCodes.normalise(c))).toList());
        check.record(accountId, "2fa.enable", client, "success", null);
        return codes;
    }

    /** Turns the second factor off once the owner proved who they are (see the class comment). */
    void disable(Session session, OwnerProof proof, ClientInfo client) {
        long accountId = session.accountId();
        if (check.confirmed(accountId).isEmpty()) {
            throw DomainException.conflict("Two-factor authentication is not on.");
        }
        proof.check(confirmation, check, session, "2fa.disable", "turning off two-factor authentication", client, audit, clock);
        accounts.deleteTotp(accountId);
        check.record(accountId, "2fa.disable", client, "success", null);
    }
}
