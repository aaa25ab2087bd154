package org.vitrine.core.people;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vitrine.api.accounts.Account;
import org.vitrine.api.accounts.AccountActivity;
import org.vitrine.api.accounts.AccountPage;
import org.vitrine.api.accounts.AccountStatus;
import org.vitrine.api.accounts.AccountStore;
import org.vitrine.api.accounts.TotpCredential;
import org.vitrine.api.audit.AuditEvent;
import org.vitrine.api.audit.AuditLog;
import org.vitrine.api.identity.IdentityStore;
import org.vitrine.api.problem.DomainException;
import org.vitrine.api.security.Caller;
import org.vitrine.api.security.Role;
import org.vitrine.api.session.SessionManager;

/**
 * Administration of people: finding accounts, looking at one, changing its roles, disabling and enabling it.
 * Changes are audited; an admin cannot take away their own admin role or disable themselves, and the last admin
 * who can sign in stays one ({@link AdminsRemain}). Disabling ends every session of the account at once; password
 * and provider sign-in both refuse accounts that are not active.
 */
@Component(service = People.class)
public class People {

    private final AccountStore accounts;
    private final IdentityStore identities;
    private final SessionManager sessions;
    private final AdminsRemain admins;
    private final AuditLog audit;

    @Activate
    public People(@Reference AccountStore accounts, @Reference IdentityStore identities, @Reference SessionManager sessions,
                  @Reference AdminsRemain admins, @Reference AuditLog audit) {
        this.accounts = accounts;
        this.identities = identities;
        this.sessions = sessions;
        this.admins = admins;
        this.audit = audit;
    }

    public AccountPage search(String text, int page, int size) {
        return accounts.search(text, page, size);
    }

    public Person person(long accountId) {
        Account account = existing(accountId);
        AccountActivity activity = accounts.activity(accountId).orElse(new AccountActivity(null, 0, 0));
        return new Person(account, activity, identities.ofAccount(accountId), accounts.passwordHash(accountId).isPresent(),
                accounts.totp(accountId).map(TotpCredential::confirmed).orElse(false), sessions.of(accountId).size());
    }

    /** Replaces the account's roles ({@code user} is always kept); live sessions get the new roles at once. */
    public Person setRoles(Caller actor, long accountId, Collection<String> names, String ip) {
        Account account = existing(accountId);
        Set<Role> roles = roles(names);
        if (account.roles().contains(Role.ADMIN) && !roles.contains(Role.ADMIN)) {
            refuseIf(actor, account, "roles.change", ip, isSelf(actor, accountId)
                    ? "You cannot take away your own admin role: ask another admin." : admins.vetoLosing(account).orElse(null));
        }
        accounts.setRoles(accountId, roles);
        sessions.updateRoles(accountId, roles);
        audit.append(new AuditEvent(Instant.now(), name(actor), "roles.change", target(accountId), ip, "success",
                String.join(",", roles.stream().map(r -> r.name().toLowerCase(Locale.ROOT)).sorted().toList())));
        return person(accountId);
    }

    /** Blocks every way of signing in and ends all the account's sessions. */
    public Person disable(Caller actor, long accountId, String ip) {
        Account account = existing(accountId);
        refuseIf(actor, account, "account.disable", ip, isSelf(actor, accountId)
                ? "You cannot disable your own account: ask another admin." : admins.vetoLosing(account).orElse(null));
        accounts.setStatus(accountId, AccountStatus.DISABLED);
        int ended = sessions.endAll(accountId, null);
        audit.append(new AuditEvent(Instant.now(), name(actor), "account.disable", target(accountId), ip, "success",
                ended + " sessions ended"));
        return person(accountId);
    }

    public Person enable(Caller actor, long accountId, String ip) {
        existing(accountId);
        accounts.setStatus(accountId, AccountStatus.ACTIVE);
        audit.append(new AuditEvent(Instant.now(), name(actor), "account.enable", target(accountId), ip, "success", null));
        return person(accountId);
    }

    private void refuseIf(Caller actor, Account account, String action, String ip, String reason) {
        if (reason != null) {
            audit.append(new AuditEvent(Instant.now(), name(actor), action, target(account.id()), ip, "refused", reason));
            throw DomainException.conflict(reason);
        }
    }

    private Account existing(long accountId) {
        return accounts.byId(accountId).filter(a -> a.status() != AccountStatus.DELETED)
                .orElseThrow(() -> DomainException.notFound("There is no account " + accountId + "."));
    }

    static Set<Role> roles(Collection<String> names) {
        if (names == null) {
            throw DomainException.badRequest("Send the roles as 'roles', e.g. [\"user\", \"moderator\"].");
        }
        Set<Role> roles = EnumSet.of(Role.USER);
        for (String name : names) {
            try {
                roles.add(Role.valueOf(name == null ? "" : name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw DomainException.badRequest("'" + name + "' is not a role: the roles are user, moderator and admin.");
            }
        }
        return roles;
    }

    private static boolean isSelf(Caller actor, long accountId) {
        return actor != null && actor.accountId() != null && actor.accountId() == accountId;
    }

    private static String name(Caller actor) {
        return actor == null ? null : actor.name();
    }

    private static String target(long accountId) {
        return "account:" + accountId;
    }
}
