package org.vitrine.core.identities;

import java.time.Instant;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vitrine.api.audit.AuditEvent;
import org.vitrine.api.audit.AuditLog;
import org.vitrine.api.auth.AuthMethod;
import org.vitrine.api.cad.CadProvider;
import org.vitrine.api.identity.Identity;
import org.vitrine.api.identity.IdentityStore;
import org.vitrine.api.identity.ProviderTokens;
import org.vitrine.api.problem.DomainException;
import org.vitrine.api.session.Session;
import org.vitrine.api.session.SessionManager;
import org.vitrine.core.accounts.SignInMethods;
import org.vitrine.core.imports.CadProviders;

/**
 * A person's identities at providers, and unlinking one. Unlinking is refused while it would leave no way to
 * sign in. A way to sign in is a sign-in method that is switched on right now and would still accept the
 * account afterwards: the method of the identity's provider (same id, e.g. {@code onshape}) only through another
 * identity of that provider, every other method when it says it can sign the account in (a password for
 * password sign-in). A method whose module is off does not count, even if the person has what it needs, because
 * nobody can tell whether it will be switched on again; the refusal says what to do instead.
 */
@Component(service = ConnectedProviders.class)
public class ConnectedProviders {

    private final IdentityStore identities;
    private final SignInMethods methods;
    private final CadProviders providers;
    private final SessionManager sessions;
    private final AuditLog audit;

    @Activate
    public ConnectedProviders(@Reference IdentityStore identities, @Reference SignInMethods methods,
                              @Reference CadProviders providers, @Reference SessionManager sessions, @Reference AuditLog audit) {
        this.identities = identities;
        this.methods = methods;
        this.providers = providers;
        this.sessions = sessions;
        this.audit = audit;
    }

    public List<Identity> of(long accountId) {
        return identities.ofAccount(accountId);
    }

    /** The identity as its owner and admins see it. */
    public IdentityView view(Identity i) {
        return new IdentityView(i.id(), i.provider(), providerName(i.provider()), i.displayName(), i.linkedAt());
    }

    /** The provider's name as people know it, e.g. "Onshape" for {@code onshape}. */
    public String providerName(String provider) {
        return providers.find(provider).map(CadProvider::displayName)
                .orElseGet(() -> provider.isEmpty() ? provider : Character.toUpperCase(provider.charAt(0)) + provider.substring(1));
    }

    /**
     * Unlinks one of the account's identities and drops that provider's tokens from all its sessions.
     *
     * @throws DomainException NOT_FOUND when the account has no such identity; CONFLICT when it is the last way
     *                         left to sign in
     */
    public synchronized Identity unlink(long accountId, long identityId, String ip) {
        Identity leaving = identities.ofAccount(accountId).stream().filter(i -> i.id() == identityId).findFirst()
                .orElseThrow(() -> DomainException.notFound("You have no connected provider '" + identityId + "'."));
        String name = providerName(leaving.provider());
        if (!anotherWayLeft(accountId, leaving)) {
            audit.append(new AuditEvent(Instant.now(), "account:" + accountId, "identity.unlink", "identity:" + identityId, ip,
                    "refused", "last way to sign in"));
            throw DomainException.conflict("Disconnecting " + name + " would leave you no way to sign in: " + name
                    + " is the only sign-in method switched on here that accepts your account. Set a password (or connect "
                    + "another provider) first.");
        }
        Identity removed = identities.unlink(accountId, identityId)
                .orElseThrow(() -> DomainException.notFound("You have no connected provider '" + identityId + "'."));
        for (Session session : sessions.of(accountId)) {
            session.removeAttribute(ProviderTokens.attributeFor(removed.provider()));
        }
        audit.append(new AuditEvent(Instant.now(), "account:" + accountId, "identity.unlink", "identity:" + identityId, ip,
                "success", removed.provider()));
        return removed;
    }

    private boolean anotherWayLeft(long accountId, Identity leaving) {
        for (AuthMethod method : methods.current()) {
            if (method.id().equals(leaving.provider())) {
                boolean another = identities.ofAccount(accountId).stream()
                        .anyMatch(i -> i.id() != leaving.id() && i.provider().equals(leaving.provider()));
                if (another) {
                    return true;
                }
            } else if (method.canSignIn(accountId)) {
                return true;
            }
        }
        return false;
    }
}
