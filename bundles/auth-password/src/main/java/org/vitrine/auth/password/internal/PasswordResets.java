package org.vitrine.auth.password.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vitrine.api.accounts.Account;
import org.vitrine.api.accounts.AccountStatus;
import org.vitrine.api.accounts.AccountStore;
import org.vitrine.api.accounts.EmailAddress;
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
import org.vitrine.api.ratelimit.TooManyRequestsException;
import org.vitrine.api.session.ClientInfo;
import org.vitrine.api.session.SessionManager;

/**
 * Password reset by e-mail. A request answers the same, at once, whatever the address: the look-up, the token and
 * the message happen on a background thread, so neither the answer nor its timing tells whether an account has the
 * address. Requests are limited per client address (429) and per e-mail address (silently: over that limit nothing
 * is sent, and the answer stays the same). Redeeming the link sets the password, ends every session of the account
 * and signs nobody in; the second factor stays as it was, so the next sign-in still asks for a code.
 */
@Component(service = PasswordResets.class, configurationPid = "org.vitrine.auth.password")
public class PasswordResets {

    static final String PAGE = "/reset-password";
    private static final Logger LOG = LoggerFactory.getLogger(PasswordResets.class);

    private final AccountStore accounts;
    private final EmailTokens tokens;
    private final Mailer mailer;
    private final PasswordAccounts passwords;
    private final SessionManager sessions;
    private final RateLimiter limits;
    private final AuditLog audit;
    private final SiteLinks site;
    private final ThreadPoolExecutor background = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1000), r -> {
                Thread t = new Thread(r, "vitrine-password-reset");
                t.setDaemon(true);
                return t;
            });
    private volatile Duration linkLifetime;

    @Activate
    public PasswordResets(BundleContext context, @Reference AccountStore accounts, @Reference EmailTokens tokens,
                          @Reference Mailer mailer, @Reference PasswordAccounts passwords, @Reference SessionManager sessions,
                          @Reference RateLimiter limits, @Reference AuditLog audit, PasswordSettings settings) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.mailer = mailer;
        this.passwords = passwords;
        this.sessions = sessions;
        this.limits = limits;
        this.audit = audit;
        this.site = new SiteLinks(context);
        modified(settings);
    }

    @Modified
    void modified(PasswordSettings settings) {
        this.linkLifetime = Duration.ofSeconds(Math.max(1, settings.reset_link_seconds()));
    }

    @Deactivate
    void deactivate() {
        background.shutdownNow();
    }

    /** How long a link works, in whole minutes (at least 1), as the answer and the message say. */
    long linkMinutes() {
        return Math.max(1, linkLifetime.toMinutes());
    }

    /** Queues the reset message when an account has the address; returns at once either way. */
    void request(String email, ClientInfo client) {
        limits.consume("reset.ip", client.ip());
        EmailAddress address = EmailAddress.parse(email);
        try {
            background.execute(() -> send(address.value(), client));
        } catch (RejectedExecutionException e) {
            LOG.warn("Password reset requests are arriving faster than they can be handled; one was dropped");
        }
    }

    /** Sets the password of the link's account and ends all its sessions; returns how many ended. */
    int reset(String token, String password, ClientInfo client) {
        passwords.checkPassword(password); // before the link is spent: a refused password leaves it usable
        EmailToken redeemed = tokens.redeem(token, Set.of(EmailTokenPurpose.RESET));
        long id = redeemed.accountId();
        Account account = accounts.byId(id).filter(a -> a.status() == AccountStatus.ACTIVE)
                .orElseThrow(() -> new DomainException(DomainException.Kind.GONE,
                        "This account can no longer sign in."));
        passwords.resetPassword(account, password);
        int ended = sessions.endAll(id, null);
        audit.append(new AuditEvent(Instant.now(), "account:" + id, "password.reset", "account:" + id, client.ip(), "success",
                ended + " sessions ended"));
        return ended;
    }

    private void send(String email, ClientInfo client) {
        try {
            limits.consume("reset.address", email);
        } catch (TooManyRequestsException e) {
            return;
        }
        try {
            Account account = accounts.byEmail(email).filter(a -> a.status() == AccountStatus.ACTIVE).orElse(null);
            if (account == null) {
                return;
            }
            String token = tokens.issue(account.id(), EmailTokenPurpose.RESET, null, linkLifetime);
            mailer.send(new Letter(account.id(), email, MailTemplate.RESET_PASSWORD, Map.of(
                    "name", account.displayName() == null ? "" : account.displayName(),
                    "link", site.link(PAGE + "#token=" + token),
                    "minutes", Long.toString(linkMinutes()))));
            audit.append(new AuditEvent(Instant.now(), "account:" + account.id(), "password.reset.request",
                    "account:" + account.id(), client.ip(), "success", "link sent"));
        } catch (RuntimeException e) {
            LOG.warn("A password reset message could not be prepared: {}", e.toString());
        }
    }
}
