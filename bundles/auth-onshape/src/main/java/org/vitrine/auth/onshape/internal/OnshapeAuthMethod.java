package org.vitrine.auth.onshape.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vitrine.api.auth.AuthMethod;
import org.vitrine.api.auth.AuthMethodKind;

/** "Sign in with Onshape", as listed by {@code GET /api/auth/methods}. */
@Component
public class OnshapeAuthMethod implements AuthMethod {

    private final OnshapeSignIn signIn;

    @Activate
    public OnshapeAuthMethod(@Reference OnshapeSignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public String id() {
        return "onshape";
    }

    @Override
    public String displayName() {
        return "Sign in with Onshape";
    }

    @Override
    public AuthMethodKind kind() {
        return AuthMethodKind.REDIRECT;
    }

    @Override
    public String startPath() {
        return "/api/auth/onshape/start";
    }

    @Override
    public boolean canSignIn(long accountId) {
        return signIn.linked(accountId);
    }
}
