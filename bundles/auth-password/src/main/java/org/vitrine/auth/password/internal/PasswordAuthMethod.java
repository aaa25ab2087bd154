package org.vitrine.auth.password.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vitrine.api.auth.AuthMethod;
import org.vitrine.api.auth.AuthMethodKind;

/** E-mail and password, as listed by {@code GET /api/auth/methods}. */
@Component
public class PasswordAuthMethod implements AuthMethod {

    private final PasswordAccounts accounts;

    @Activate
    public PasswordAuthMethod(@Reference PasswordAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public String id() {
        return "password";
    }

    @Override
    public String displayName() {
        return "E-mail and password";
    }

    @Override
    public AuthMethodKind kind() {
        return AuthMethodKind.FORM;
    }

    @Override
    public String startPath() {
        return "/api/auth/password/login";
    }

    @Override
    public boolean canSignIn(long accountId) {
        return accounts.hasPassword(accountId);
    }
}
