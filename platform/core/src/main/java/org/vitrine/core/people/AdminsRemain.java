package org.vitrine.core.people;

import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vitrine.api.accounts.Account;
import org.vitrine.api.accounts.AccountStore;
import org.vitrine.api.auth.AuthMethod;
import org.vitrine.api.security.Role;
import org.vitrine.core.accounts.SignInMethods;

/**
 * Keeps Vitrine administrable when an account stops being an admin (its role removed, or the account disabled):
 * some other active admin must remain, and at least one of them must be able to sign in with a method that is
 * switched on (the same idea as the guard on switching sign-in modules off). The ops token does not count: it is
 * for operations, not a person.
 */
@Component(service = AdminsRemain.class)
public class AdminsRemain {

    private final AccountStore accounts;
    private final SignInMethods methods;

    @Activate
    public AdminsRemain(@Reference AccountStore accounts, @Reference SignInMethods methods) {
        this.accounts = accounts;
        this.methods = methods;
    }

    /** Why the account must keep being an admin, or empty when it may stop. */
    public Optional<String> vetoLosing(Account leaving) {
        if (!leaving.roles().contains(Role.ADMIN)) {
            return Optional.empty();
        }
        List<Account> others = accounts.withRole(Role.ADMIN).stream().filter(a -> a.id() != leaving.id()).toList();
        if (others.isEmpty()) {
            return Optional.of("This is the last active admin: make someone else an admin first.");
        }
        List<AuthMethod> on = methods.current();
        boolean someoneCanSignIn = others.stream().anyMatch(a -> on.stream().anyMatch(m -> m.canSignIn(a.id())));
        if (!someoneCanSignIn) {
            return Optional.of("No other admin can sign in with the sign-in methods switched on: give another admin a way "
                    + "to sign in first.");
        }
        return Optional.empty();
    }
}
