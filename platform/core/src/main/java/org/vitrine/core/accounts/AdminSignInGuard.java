package org.vitrine.core.accounts;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.vitrine.api.accounts.Account;
import org.vitrine.api.accounts.AccountStore;
import org.vitrine.api.auth.AuthMethod;
import org.vitrine.api.security.Role;

/**
 * Refuses to switch off the last sign-in method an admin can use: if some admin can sign in today and none
 * could once the module's methods are gone, the switch is refused with the reason. The ops token does not
 * count: it is for operations, not a way for a person to sign in.
 */
@Component(service = AdminSignInGuard.class)
public class AdminSignInGuard {

    private final SignInMethods methods;
    private volatile AccountStore accounts;

    @Activate
    public AdminSignInGuard(@Reference SignInMethods methods) {
        this.methods = methods;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setAccounts(AccountStore accounts) {
        this.accounts = accounts;
    }

    void unsetAccounts(AccountStore accounts) {
        if (this.accounts == accounts) {
            this.accounts = null;
        }
    }

    /**
     * Why stopping these bundles must be refused, or empty when it may go ahead.
     *
     * @param locations bundle locations of the module about to be switched off
     */
    public Optional<String> vetoStopping(String moduleId, Set<String> locations) {
        AccountStore store = accounts;
        List<AuthMethod> all = methods.current();
        List<AuthMethod> leaving = all.stream().filter(m -> locations.contains(bundleOf(m))).toList();
        if (store == null || leaving.isEmpty()) {
            return Optional.empty();
        }
        List<AuthMethod> staying = all.stream().filter(m -> !leaving.contains(m)).toList();
        List<Account> admins = store.withRole(Role.ADMIN);
        boolean someoneCanNow = admins.stream().anyMatch(a -> all.stream().anyMatch(m -> m.canSignIn(a.id())));
        boolean someoneCanAfter = admins.stream().anyMatch(a -> staying.stream().anyMatch(m -> m.canSignIn(a.id())));
        if (someoneCanNow && !someoneCanAfter) {
            return Optional.of("Switching off '" + moduleId + "' would leave no way for an admin to sign in (admins sign in with: "
                    + String.join(", ", leaving.stream().map(AuthMethod::displayName).toList())
                    + "). Give an admin another way to sign in first.");
        }
        return Optional.empty();
    }

    private static String bundleOf(AuthMethod method) {
        Bundle bundle = FrameworkUtil.getBundle(method.getClass());
        return bundle == null ? "" : bundle.getLocation();
    }
}
