package org.vitrine.auth.password.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.vitrine.api.accounts.Account;
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

/** {@code /api/auth/password/register} and {@code /api/auth/password/login}: both start a new session. */
@Component(service = PasswordSignInResource.class)
@JakartarsResource
@JSONRequired
@Path("auth/password")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PasswordSignInResource {

    private final PasswordAccounts accounts;
    private final SessionManager sessions;

    @Activate
    public PasswordSignInResource(@Reference PasswordAccounts accounts, @Reference SessionManager sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    @PermitAll
    @POST
    @Path("register")
    public Response register(Requests.Registration body, @Context HttpServletRequest http, @Context SecurityContext security) {
        Account account = accounts.register(Http.body(body, "{\"email\": ..., \"password\": ..., \"displayName\": ...}"), Http.client(http));
        return signIn(account, http, security, Response.Status.CREATED);
    }

    @PermitAll
    @POST
    @Path("login")
    public Response login(Requests.Login body, @Context HttpServletRequest http, @Context SecurityContext security) {
        Account account = accounts.authenticate(Http.body(body, "{\"email\": ..., \"password\": ...}"), Http.client(http));
        return signIn(account, http, security, Response.Status.OK);
    }

    private Response signIn(Account account, HttpServletRequest http, SecurityContext security, Response.Status status) {
        // a new session id at every sign-in: a session id planted in the browser beforehand is worthless
        String previous = Caller.of(security.getUserPrincipal()).map(Caller::sessionId).orElse(null);
        Session session = sessions.signIn(account.id(), account.roles(), Http.client(http), previous);
        return Response.status(status)
                .header("Set-Cookie", sessions.cookieHeader(session))
                .entity(Http.AccountView.of(account, session.csrfToken()))
                .build();
    }
}
