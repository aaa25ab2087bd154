package org.vitrine.core.accounts;

import java.time.Clock;
import java.time.Instant;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.vitrine.api.accounts.Account;
import org.vitrine.api.accounts.AccountStore;
import org.vitrine.api.accounts.EmailAddress;
import org.vitrine.api.audit.AuditEvent;
import org.vitrine.api.audit.AuditLog;
import org.vitrine.api.auth.SecondFactor;
import org.vitrine.api.privacy.OwnerConfirmation;
import org.vitrine.api.problem.DomainException;
import org.vitrine.api.ratelimit.RateLimiter;
import org.vitrine.api.session.ClientInfo;
import org.vitrine.api.session.Session;
import org.vitrine.core.privacy.OwnerProof;

/**
 * Changing an account's address: the owner confirms (password and second factor, or a fresh sign-in for an account
 * without a password), a link goes to the new address, and only redeeming it changes the address
 * ({@link EmailVerification#redeem}); the old address is then told.
 */
@Component(service = EmailChange.class)
public class EmailChange {

    static final String ACTION = "email.change";

    private final AccountStore accounts;
    private final EmailVerification verification;
    private final AuditLog audit;
    private final RateLimiter limits;
    private final SecondFactor secondFactor;
    private final Clock clock = Clock.systemUTC();
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile OwnerConfirmation confirmation;

    @Activate
    public EmailChange(@Reference AccountStore accounts, @Reference EmailVerification verification,
                       @Reference AuditLog audit, @Reference RateLimiter limits, @Reference SecondFactor secondFactor) {
        this.secondFactor = secondFactor;
        this.accounts = accounts;
        this.verification = verification;
        this.audit = audit;
        this.limits = limits;
    }

    /** Sends the link to the new address; returns it, normalised. Nothing changes until the link is redeemed. */
    String request(Session session, String newEmail, OwnerProof proof, ClientInfo client) {
        long id = session.accountId();
        EmailAddress address = EmailAddress.parse(newEmail);
        Account account = accounts.byId(id).orElseThrow(() -> DomainException.notFound("No such account."));
        if (address.value().equals(account.email())) {
            throw DomainException.badRequest("This is your address already.");
        }
        proof.check(confirmation, secondFactor, session, ACTION, "the change of your e-mail address", client, audit, clock);
        limits.consume("verify.account", Long.toString(id));
        // after the owner is confirmed, and no more than registration already tells anyone
        if (accounts.byEmail(address.value()).isPresent()) {
            audit.append(new AuditEvent(Instant.now(clock), "account:" + id, ACTION, "account:" + id, client.ip(), "refused",
                    "address taken"));
            throw DomainException.conflict("An account with this e-mail address already exists.");
        }
        verification.sendChange(account, address.value());
        audit.append(new AuditEvent(Instant.now(clock), "account:" + id, ACTION, "account:" + id, client.ip(), "requested",
                "link sent to the new address"));
        return address.value();
    }
}
