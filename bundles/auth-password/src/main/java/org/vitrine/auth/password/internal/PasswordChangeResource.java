package org.vitrine.auth.password.internal;

import java.time.Instant;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.vitrine.api.security.Caller;
import org.vitrine.api.session.SessionManager;

import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/** {@code POST /api/me/password}: needs the current password; ends every other session of the account. */
@Component(service = PasswordChangeResource.class)
@JakartarsResource
@JSONRequired
@Path("me/password")
public class PasswordChangeResource {

    /** Answer: how many other sessions were ended. */
    public record Changed(Instant changedAt, int otherSessionsEnded) {
    }

    private final PasswordAccounts accounts;
    private final SessionManager sessions;

    @Activate
    public PasswordChangeResource(@Reference PasswordAccounts accounts, @Reference SessionManager sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    @RolesAllowed("user")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response change(Requests.PasswordChange body, @Context SecurityContext security, @Context HttpServletRequest http) {
        Caller caller = Http.signedIn(security);
        Requests.PasswordChange change = Http.body(body, "{\"currentPassword\": ..., \"newPassword\": ...}");
        accounts.changePassword(caller.accountId(), change.currentPassword(), change.newPassword(), Http.client(http));
        int ended = sessions.endAll(caller.accountId(), caller.sessionId());
        return Response.ok(new Changed(Instant.now(), ended)).build();
    }
}
