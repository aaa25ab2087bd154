package org.vitrine.auth.password.internal;

import java.time.Instant;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vitrine.api.accounts.Account;
import org.vitrine.api.accounts.AccountStatus;
import org.vitrine.api.accounts.AccountStore;
import org.vitrine.api.audit.AuditEvent;
import org.vitrine.api.audit.AuditLog;
import org.vitrine.api.mail.Letter;
import org.vitrine.api.mail.MailTemplate;
import org.vitrine.api.mail.Mailer;
import org.vitrine.api.ratelimit.RateLimiter;
import org.vitrine.api.ratelimit.TooManyRequestsException;
import org.vitrine.api.session.ClientInfo;

/**
 * What happens when someone registers with an address that already has an account: nothing changes in the account,
 * the attempt is audited, and the owner gets a message ({@code REGISTRATION_ATTEMPT}) with links to sign in and to
 * reset the password — the person registering may be the owner, who forgot. The one who registered is answered
 * exactly as for a new address, so registration never tells who has an account. At most {@code register.notice}
 * messages per address (default one an hour): over it nothing is sent, so the form cannot flood an owner's inbox.
 * Without a mail module, nothing is sent.
 */
@Component(service = RegistrationAttempts.class)
public class RegistrationAttempts {

    static final String SIGN_IN_PAGE = "/signin";
    static final String FORGOT_PAGE = "/forgot-password";
    private static final Logger LOG = LoggerFactory.getLogger(RegistrationAttempts.class);

    private final AccountStore accounts;
    private final RateLimiter limits;
    private final AuditLog audit;
    private final SiteLinks site;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Mailer mailer;

    @Activate
    public RegistrationAttempts(BundleContext context, @Reference AccountStore accounts, @Reference RateLimiter limits,
                                @Reference AuditLog audit) {
        this.accounts = accounts;
        this.limits = limits;
        this.audit = audit;
        this.site = new SiteLinks(context);
    }

    /** Someone tried to register with {@code email} (normalised), which an account has; never throws. */
    void addressTaken(String email, ClientInfo client) {
        try {
            Account account = accounts.byEmail(email).orElse(null);
            String target = account == null ? null : "account:" + account.id();
            if (account == null || account.status() != AccountStatus.ACTIVE) {
                record(target, client, "address taken by an account that cannot sign in; no message");
                return;
            }
            if (!withinBudget(email)) {
                record(target, client, "address taken; owner told recently, no message");
                return;
            }
            Mailer current = mailer;
            if (current == null) {
                record(target, client, "address taken; no mail module, no message");
                return;
            }
            current.send(new Letter(account.id(), email, MailTemplate.REGISTRATION_ATTEMPT, Map.of(
                    "name", account.displayName() == null ? "" : account.displayName(),
                    "signInLink", site.link(SIGN_IN_PAGE),
                    "resetLink", site.link(FORGOT_PAGE))));
            record(target, client, "address taken; owner told");
        } catch (RuntimeException e) {
            LOG.warn("The owner of an address someone tried to register with could not be told: {}", e.toString());
        }
    }

    private boolean withinBudget(String email) {
        try {
            limits.consume("register.notice", email);
            return true;
        } catch (TooManyRequestsException e) {
            return false;
        }
    }

    private void record(String target, ClientInfo client, String detail) {
        audit.append(new AuditEvent(Instant.now(), null, "account.register", target, client.ip(), "refused", detail));
    }
}
