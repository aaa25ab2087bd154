package org.vitrine.auth.password.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.vitrine.api.accounts.Account;
import org.vitrine.api.accounts.AccountStatus;
import org.vitrine.api.accounts.AccountStore;
import org.vitrine.api.accounts.AddressVerification;
import org.vitrine.api.accounts.EmailAddress;
import org.vitrine.api.accounts.NewAccount;
import org.vitrine.api.audit.AuditEvent;
import org.vitrine.api.audit.AuditLog;
import org.vitrine.api.problem.DomainException;
import org.vitrine.api.ratelimit.RateLimiter;
import org.vitrine.api.security.Role;
import org.vitrine.api.session.ClientInfo;

/**
 * The rules of password accounts: registration, the password check of a sign-in, password change, and accounts
 * created by an admin. The second factor is not checked here: the platform asks for it after every sign-in method
 * ({@link org.vitrine.api.auth.SecondFactor}). No HTTP here: the resources translate. Every outcome that matters for
 * security goes to the audit log, never with a password.
 */
@Component(service = PasswordAccounts.class, configurationPid = "org.vitrine.auth.password")
@Designate(ocd = PasswordSettings.class)
public class PasswordAccounts {

    private static final String WRONG_CREDENTIALS = "E-mail or password is wrong.";

    private final AccountStore accounts;
    private final AuditLog audit;
    private final RateLimiter limits;
    private final RegistrationAttempts attempts;
    /** Absent while no mail module runs: accounts are then created without a verification message. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AddressVerification verification;
    private final PasswordPolicy policy = new PasswordPolicy(CommonPasswords.load());
    private final SignInThrottle throttle;
    private final Clock clock = Clock.systemUTC();
    private volatile PasswordSettings settings;
    private volatile Argon2Hasher hasher;
    private volatile HashingPool pool;
    /** Compared against when the e-mail is unknown, so a wrong address costs the same time as a wrong password. */
    private volatile String decoyHash;

    @Activate
    public PasswordAccounts(@Reference AccountStore accounts, @Reference AuditLog audit,
                            @Reference RateLimiter limits, @Reference SignInThrottle throttle,
                            @Reference RegistrationAttempts attempts, PasswordSettings settings) {
        this.accounts = accounts;
        this.audit = audit;
        this.limits = limits;
        this.throttle = throttle;
        this.attempts = attempts;
        apply(settings);
    }

    @Modified
    void apply(PasswordSettings changed) {
        this.settings = changed;
        this.hasher = new Argon2Hasher(changed.argon2_memory_kib(), changed.argon2_iterations(), changed.argon2_parallelism());
        HashingPool old = pool;
        this.pool = new HashingPool(changed.hashing_threads(), changed.hashing_queue());
        if (old != null) {
            old.shutdown();
        }
        this.decoyHash = hasher.hash("decoy password that matches nothing " + System.nanoTime());
    }

    @Deactivate
    void deactivate() {
        pool.shutdown();
    }

    /**
     * Creates an account for a new address, with the verification message when the mail module runs. For an address
     * that has an account, changes nothing and lets {@link RegistrationAttempts} tell its owner. Returns the same way
     * in both cases, after the same work (the password is hashed either way), so the caller cannot tell them apart;
     * invalid input is refused the same way for both.
     */
    void register(Requests.Registration r, ClientInfo client) {
        limits.consume("register.ip", client.ip());
        EmailAddress email = EmailAddress.parse(r.email());
        String displayName = text("displayName", r.displayName(), true);
        String firstName = text("firstName", r.firstName(), false);
        String lastName = text("lastName", r.lastName(), false);
        String company = text("company", r.company(), false);
        policy.check(r.password(), email.value(), settings.password_min_length());
        String hash = pool.run(() -> hasher.hash(r.password()));
        Account account;
        try {
            account = accounts.create(new NewAccount(email.value(), displayName, firstName, lastName, company, null, hash, Set.of()));
        } catch (DomainException taken) {
            if (taken.kind() != DomainException.Kind.CONFLICT) {
                throw taken;
            }
            attempts.addressTaken(email.value(), client);
            return;
        }
        record("account:" + account.id(), "account.register", "account:" + account.id(), client, "success", null);
        AddressVerification mail = verification;
        if (mail != null) {
            mail.send(account.id());
        }
    }

    /**
     * Checks e-mail and password; the same refusal for a wrong address and a wrong password. The second factor comes
     * after, from the platform, when the session is started. Guessing is throttled by {@link SignInThrottle}, which
     * spares a known device of the account ({@code deviceCookie}).
     */
    Account authenticate(Requests.Login r, ClientInfo client, String deviceCookie) {
        String key = r.email() == null ? "" : r.email().trim().toLowerCase(java.util.Locale.ROOT);
        Optional<Account> account = key.isEmpty() ? Optional.empty() : accounts.byEmail(key);
        SignInThrottle.Attempt attempt = throttle.admit(key, account, deviceCookie, client);
        String password = r.password() == null ? "" : r.password();
        Optional<String> stored = account.flatMap(a -> accounts.passwordHash(a.id()));
        String against = stored.orElse(decoyHash);
        boolean matches = pool.run(() -> hasher.verify(password, against));
        if (!matches || stored.isEmpty() || account.get().status() != AccountStatus.ACTIVE) {
            attempt.failed();
            record(null, "auth.signin", account.map(a -> "account:" + a.id()).orElse(null), client, "failure",
                    "wrong e-mail or password");
            throw new DomainException(DomainException.Kind.UNAUTHORIZED, WRONG_CREDENTIALS);
        }
        Account a = account.get();
        attempt.succeeded();
        if (hasher.needsRehash(stored.get())) {
            accounts.setPasswordHash(a.id(), pool.run(() -> hasher.hash(password)));
        }
        accounts.recordSignIn(a.id(), clock.instant());
        record("account:" + a.id(), "auth.signin", "account:" + a.id(), client, "success", "password");
        return a;
    }

    void changePassword(long accountId, String current, String next, ClientInfo client) {
        limits.consume("password.account", Long.toString(accountId));
        Account account = accounts.byId(accountId).orElseThrow(() -> DomainException.notFound("No such account."));
        try {
            requirePassword(accountId, current);
        } catch (DomainException wrong) {
            record("account:" + accountId, "password.change", "account:" + accountId, client, "failure", "wrong current password");
            throw wrong;
        }
        policy.check(next, account.email(), settings.password_min_length());
        accounts.setPasswordHash(accountId, pool.run(() -> hasher.hash(next)));
        record("account:" + accountId, "password.change", "account:" + accountId, client, "success", null);
    }

    Account createByAdmin(Requests.NewAccount r, String actor, ClientInfo client) {
        EmailAddress email = EmailAddress.parse(r.email());
        policy.check(r.password(), email.value(), settings.password_min_length());
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : r.roles() == null ? List.<String>of() : r.roles()) {
            try {
                roles.add(Role.valueOf(role.trim().toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw DomainException.badRequest("Unknown role '" + role + "': use user, moderator or admin.");
            }
        }
        String displayName = r.displayName() == null || r.displayName().isBlank()
                ? email.value().substring(0, email.value().indexOf('@')) : text("displayName", r.displayName(), true);
        String hash = pool.run(() -> hasher.hash(r.password()));
        Account account = accounts.create(new NewAccount(email.value(), displayName, null, null, null, null, hash, roles));
        // the admin vouches for the address (see README, "E-mail verification"); no verification message
        accounts.markEmailVerified(account.id(), clock.instant());
        record(actor, "account.create", "account:" + account.id(), client, "success", "roles " + account.roles());
        return account;
    }

    /**
     * Confirms the owner before an irreversible change with the password, when the account has one (the platform
     * checks the second factor). Refusals are audited under {@code action}.
     */
    void confirmOwner(long accountId, String password, String action, ClientInfo client) {
        limits.consume("password.account", Long.toString(accountId));
        if (hasPassword(accountId)) {
            try {
                requirePassword(accountId, password);
            } catch (DomainException wrong) {
                record("account:" + accountId, action, "account:" + accountId, client, "refused", "wrong password");
                throw new DomainException(DomainException.Kind.FORBIDDEN, "The password is wrong.");
            }
        }
    }

    /** Checks a new password against the rules that do not depend on the account. */
    void checkPassword(String password) {
        policy.check(password, null, settings.password_min_length());
    }

    /** Sets a new password chosen through a reset link, by the same rules as registration. */
    void resetPassword(Account account, String password) {
        policy.check(password, account.email(), settings.password_min_length());
        accounts.setPasswordHash(account.id(), pool.run(() -> hasher.hash(password)));
    }

    boolean hasPassword(long accountId) {
        return accounts.passwordHash(accountId).isPresent();
    }

    private void requirePassword(long accountId, String password) {
        String stored = accounts.passwordHash(accountId).orElse(decoyHash);
        String given = password == null ? "" : password;
        if (!pool.run(() -> hasher.verify(given, stored))) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "The current password is wrong.");
        }
    }

    private void record(String actor, String action, String target, ClientInfo client, String outcome, String detail) {
        audit.append(new AuditEvent(Instant.now(clock), actor, action, target, client.ip(), outcome, detail));
    }

    private static String text(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw DomainException.badRequest("'" + field + "' is missing.");
            }
            return null;
        }
        String v = value.strip();
        if (v.length() > 100 || v.chars().anyMatch(Character::isISOControl)) {
            throw DomainException.badRequest("'" + field + "' must be at most 100 characters, without control characters.");
        }
        return v;
    }
}
