package org.vitrine.it.echo;

import org.osgi.service.component.annotations.Component;
import org.vitrine.api.auth.AuthMethod;
import org.vitrine.api.auth.AuthMethodKind;

/**
 * A sign-in method the platform was not built with, as a third-party module would add one: it only proves that the
 * platform's rules (the second factor above all) hold for any method. See {@link EchoSignInResource}.
 */
@Component
public class EchoSignIn implements AuthMethod {

    @Override
    public String id() {
        return "echo";
    }

    @Override
    public String displayName() {
        return "Echo (test plugin)";
    }

    @Override
    public AuthMethodKind kind() {
        return AuthMethodKind.FORM;
    }

    @Override
    public String startPath() {
        return "/api/echo/sign-in";
    }

    @Override
    public boolean canSignIn(long accountId) {
        return false; // never counts as a way in when the platform guards the last one
    }
}
