package org.vitrine.core.privacy;

import org.vitrine.api.problem.DomainException;
import org.vitrine.api.security.Caller;

import jakarta.ws.rs.core.SecurityContext;

/** The rights of the person are exercised by the person, signed in with a session; anyone else gets 401. */
final class SignedIn {

    private SignedIn() {
    }

    static Caller caller(SecurityContext security) {
        return Caller.of(security.getUserPrincipal()).filter(c -> c.accountId() != null && c.sessionId() != null)
                .orElseThrow(() -> new DomainException(DomainException.Kind.UNAUTHORIZED, "Sign in first."));
    }
}
