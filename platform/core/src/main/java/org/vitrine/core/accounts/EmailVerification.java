package org.vitrine.core.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.vitrine.api.accounts.Account;
import org.vitrine.api.accounts.AccountStore;
import org.vitrine.api.accounts.AddressVerification;
import org.vitrine.api.accounts.EmailToken;
import org.vitrine.api.accounts.EmailTokenPurpose;
import org.vitrine.api.accounts.EmailTokens;
import org.vitrine.api.audit.AuditEvent;
import org.vitrine.api.audit.AuditLog;
import org.vitrine.api.mail.Letter;
import org.vitrine.api.mail.MailTemplate;
import org.vitrine.api.mail.Mailer;
import org.vitrine.api.problem.DomainException;
import org.vitrine.api.ratelimit.RateLimiter;
import org.vitrine.api.session.ClientInfo;

/**
 * Proving an account's address: the link sent after registration (or on request) and redeeming it; redeeming the
 * link of an e-mail change ({@link EmailChange}) changes the address and tells the old one. Links point to the web
 * page {@code /verify-email} with the token in the fragment, so it reaches neither server logs nor Referer headers,
 * and the page only redeems it when the person presses its button (a mail scanner that opens links spends nothing).
 */
@Component(service = {EmailVerification.class, AddressVerification.class}, configurationPid = EmailVerification.PID)
public class EmailVerification implements AddressVerification {

    /** The platform's settings ({@code config/platform.properties}). */
    static final String PID = PublishingRule.PID;
    static final String PAGE = "/verify-email";

    /** What redeeming a link did. */
    public record Verified(String email, boolean changed) {
    }

    private final AccountStore accounts;
    private final EmailTokens tokens;
    private final Mailer mailer;
    private final AuditLog audit;
    private final RateLimiter limits;
    private final String publicUrl;
    private final Clock clock = Clock.systemUTC();
    private volatile AccountSettings settings;

    @Activate
    public EmailVerification(BundleContext context, @Reference AccountStore accounts, @Reference EmailTokens tokens,
                             @Reference Mailer mailer, @Reference AuditLog audit, @Reference RateLimiter limits,
                             AccountSettings settings) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.mailer = mailer;
        this.audit = audit;
        this.limits = limits;
        this.publicUrl = withoutSlash(String.valueOf(context.getProperty("vitrine.public.url")));
        this.settings = settings;
    }

    @Modified
    void modified(AccountSettings changed) {
        this.settings = changed;
    }

    @Override
    public void send(long accountId) {
        Account account = accounts.byId(accountId).orElse(null);
        if (account == null || account.email() == null || accounts.emailVerifiedAt(accountId).isPresent()) {
            return;
        }
        mail(account, account.email(), EmailTokenPurpose.VERIFY, null);
    }

    /** {@code POST /api/me/email/verification}: a new link, rate-limited per account. */
    void resend(long accountId, ClientInfo client) {
        limits.consume("verify.account", Long.toString(accountId));
        Account account = accounts.byId(accountId).orElseThrow(() -> DomainException.notFound("No such account."));
        if (account.email() == null) {
            throw DomainException.conflict("Your account has no e-mail address to verify.");
        }
        if (accounts.emailVerifiedAt(accountId).isPresent()) {
            throw DomainException.conflict("Your e-mail address is verified already.");
        }
        mail(account, account.email(), EmailTokenPurpose.VERIFY, null);
        record(accountId, "email.verify.send", client, "success", null);
    }

    /** Sends the link that proves {@code newEmail} for an e-mail change. */
    void sendChange(Account account, String newEmail) {
        mail(account, newEmail, EmailTokenPurpose.EMAIL_CHANGE, newEmail);
    }

    /** {@code POST /api/auth/email/verify}: redeems a verification (or e-mail change) link. */
    Verified redeem(String token, ClientInfo client) {
        EmailToken redeemed = tokens.redeem(token, Set.of(EmailTokenPurpose.VERIFY, EmailTokenPurpose.EMAIL_CHANGE));
        long id = redeemed.accountId();
        Account account = accounts.byId(id).orElseThrow(() -> DomainException.badRequest("This link is not valid."));
        if (redeemed.purpose() == EmailTokenPurpose.VERIFY) {
            accounts.markEmailVerified(id, clock.instant());
            record(id, "email.verify", client, "success", null);
            return new Verified(account.email(), false);
        }
        String old = account.email();
        accounts.changeEmail(id, redeemed.newEmail(), clock.instant());
        if (old != null) {
            mailer.send(new Letter(id, old, MailTemplate.EMAIL_CHANGED,
                    Map.of("name", account.displayName() == null ? "" : account.displayName(), "newEmail", redeemed.newEmail())));
        }
        // the addresses are personal data: the audit entry says what happened, not to what
        record(id, "email.change", client, "success", "new address verified");
        return new Verified(redeemed.newEmail(), true);
    }

    private void mail(Account account, String to, EmailTokenPurpose purpose, String newEmail) {
        Duration valid = Duration.ofHours(Math.max(1, settings.accounts_verify_link_hours()));
        String token = tokens.issue(account.id(), purpose, newEmail, valid);
        mailer.send(new Letter(account.id(), to, MailTemplate.VERIFY_ADDRESS, Map.of(
                "name", account.displayName() == null ? "" : account.displayName(),
                "link", publicUrl + PAGE + "#token=" + token,
                "hours", Long.toString(valid.toHours()))));
    }

    private void record(long accountId, String action, ClientInfo client, String outcome, String detail) {
        audit.append(new AuditEvent(Instant.now(clock), "account:" + accountId, action, "account:" + accountId,
                client.ip(), outcome, detail));
    }

    private static String withoutSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
