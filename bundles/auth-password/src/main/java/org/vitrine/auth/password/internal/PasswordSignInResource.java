package org.vitrine.auth.password.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.vitrine.api.accounts.Account;
import org.vitrine.api.auth.SecondFactor;
import org.vitrine.api.security.Caller;
import org.vitrine.api.session.Session;
import org.vitrine.api.session.SessionManager;

import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code /api/auth/password/register} and {@code /api/auth/password/login}: both start a new session. For an account
 * with two-factor authentication on, the platform makes that session wait for the second factor: the login answers
 * 202 with the waiting session's CSRF token, for {@code POST /api/auth/second-factor}. An API client may send
 * {@code totp} or {@code recoveryCode} with the password instead; it goes through the same platform check.
 */
@Component(service = PasswordSignInResource.class)
@JakartarsResource
@JSONRequired
@Path("auth/password")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PasswordSignInResource {

    /** The answer of a login whose session waits for the second factor. */
    public record AwaitingSecondFactor(boolean awaitingSecondFactor, String csrfToken) {
    }

    private final PasswordAccounts accounts;
    private final SessionManager sessions;
    private final SecondFactor secondFactor;

    @Activate
    public PasswordSignInResource(@Reference PasswordAccounts accounts, @Reference SessionManager sessions,
                                  @Reference SecondFactor secondFactor) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.secondFactor = secondFactor;
    }

    @PermitAll
    @POST
    @Path("register")
    public Response register(Requests.Registration body, @Context HttpServletRequest http, @Context SecurityContext security) {
        Account account = accounts.register(Http.body(body, "{\"email\": ..., \"password\": ..., \"displayName\": ...}"), Http.client(http));
        return signedIn(account, signIn(account, http, security), Response.Status.CREATED);
    }

    @PermitAll
    @POST
    @Path("login")
    public Response login(Requests.Login body, @Context HttpServletRequest http, @Context SecurityContext security) {
        Requests.Login login = Http.body(body, "{\"email\": ..., \"password\": ...}");
        Account account = accounts.authenticate(login, Http.client(http));
        Session session = signIn(account, http, security);
        if (!session.awaitingSecondFactor()) {
            return signedIn(account, session, Response.Status.OK);
        }
        if (blank(login.totp()) && blank(login.recoveryCode())) {
            return Response.status(Response.Status.ACCEPTED)
                    .header("Set-Cookie", sessions.cookieHeader(session))
                    .entity(new AwaitingSecondFactor(true, session.csrfToken()))
                    .build();
        }
        try {
            return signedIn(account, secondFactor.complete(session.id(), login.totp(), login.recoveryCode(), Http.client(http)),
                    Response.Status.OK);
        } catch (RuntimeException refused) {
            sessions.end(session.id()); // one request, one outcome: a refused code leaves no half sign-in behind
            throw refused;
        }
    }

    private Session signIn(Account account, HttpServletRequest http, SecurityContext security) {
        // a new session id at every sign-in: a session id planted in the browser beforehand is worthless
        String previous = Caller.of(security.getUserPrincipal()).map(Caller::sessionId).orElse(null);
        return sessions.signIn(account.id(), account.roles(), Http.client(http), previous);
    }

    private Response signedIn(Account account, Session session, Response.Status status) {
        return Response.status(status)
                .header("Set-Cookie", sessions.cookieHeader(session))
                .entity(Http.AccountView.of(account, session.csrfToken()))
                .build();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
