package org.vitrine.auth.password.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.vitrine.api.accounts.Account;
import org.vitrine.api.auth.SecondFactor;
import org.vitrine.api.devices.DeviceCookies;
import org.vitrine.api.security.Caller;
import org.vitrine.api.session.Session;
import org.vitrine.api.session.SessionManager;

import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code /api/auth/password/register}, which answers the same for a new address and for one that has an account (and
 * starts no session), and {@code /api/auth/password/login}, which starts a new session. For an account with
 * two-factor authentication on, the platform makes that session wait for the second factor: the login answers 202
 * with the waiting session's CSRF token, for {@code POST /api/auth/second-factor}. An API client may send
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

    /** The answer to every registration that passes the checks, whether or not the address had an account. */
    public record Registered(String message) {
    }

    static final String CHECK_YOUR_MAIL = "Check your mail: a message about this registration is on its way to the "
            + "address. If the address was new here, your account is ready: sign in with your e-mail address and password.";

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
    public Response register(Requests.Registration body, @Context HttpServletRequest http) {
        accounts.register(Http.body(body, "{\"email\": ..., \"password\": ..., \"displayName\": ...}"), Http.client(http));
        return Response.accepted(new Registered(CHECK_YOUR_MAIL)).build();
    }

    @PermitAll
    @POST
    @Path("login")
    public Response login(Requests.Login body, @CookieParam(DeviceCookies.NAME) String device, @Context HttpServletRequest http,
                          @Context SecurityContext security) {
        Requests.Login login = Http.body(body, "{\"email\": ..., \"password\": ...}");
        Account account = accounts.authenticate(login, Http.client(http), device);
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
