package org.vitrine.auth.password.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vitrine.api.privacy.OwnerConfirmation;
import org.vitrine.api.session.ClientInfo;

/** Lets other parts of Vitrine ask for the password before an irreversible change (the platform asks for the code). */
@Component
public class PasswordOwnerConfirmation implements OwnerConfirmation {

    private final PasswordAccounts accounts;

    @Activate
    public PasswordOwnerConfirmation(@Reference PasswordAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public boolean hasPassword(long accountId) {
        return accounts.hasPassword(accountId);
    }

    @Override
    public void confirm(long accountId, String action, String password, String code, String recoveryCode, ClientInfo client) {
        accounts.confirmOwner(accountId, password, action, client);
    }
}
