package org.vitrine.auth.password.internal;

import java.util.List;

import org.vitrine.api.accounts.Account;
import org.vitrine.api.problem.DomainException;
import org.vitrine.api.security.Caller;
import org.vitrine.api.session.ClientInfo;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.SecurityContext;

/** What the module's resources share: who is asking, from where, and how an account is shown. */
final class Http {

    /** An account as these endpoints answer it; {@code csrfToken} is present when a session was started. */
    public record AccountView(long id, String email, String displayName, List<String> roles, String csrfToken) {
        static AccountView of(Account a, String csrfToken) {
            return new AccountView(a.id(), a.email(), a.displayName(),
                    a.roles().stream().map(r -> r.name().toLowerCase()).sorted().toList(), csrfToken);
        }
    }

    private Http() {
    }

    static ClientInfo client(HttpServletRequest request) {
        return new ClientInfo(request.getRemoteAddr(), request.getHeader("User-Agent"));
    }

    /** The signed-in person behind the request, or 401. */
    static Caller signedIn(SecurityContext security) {
        return Caller.of(security.getUserPrincipal()).filter(c -> c.accountId() != null && c.sessionId() != null)
                .orElseThrow(() -> new DomainException(DomainException.Kind.UNAUTHORIZED, "Sign in first."));
    }

    static <T> T body(T body, String example) {
        if (body == null) {
            throw DomainException.badRequest("Send a JSON body like " + example + ".");
        }
        return body;
    }
}
