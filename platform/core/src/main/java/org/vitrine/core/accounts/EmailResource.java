package org.vitrine.core.accounts;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.vitrine.api.problem.DomainException;
import org.vitrine.api.security.Caller;
import org.vitrine.api.session.Session;
import org.vitrine.api.session.SessionManager;
import org.vitrine.core.privacy.OwnerProof;
import org.vitrine.core.http.Clients;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * The account's e-mail address: {@code POST /api/auth/email/verify} redeems a link (no session needed: the link is
 * the proof), {@code POST /api/me/email/verification} sends a new link, {@code PUT /api/me/email} starts a change.
 */
@Component(service = EmailResource.class)
@JakartarsResource
@JSONRequired
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class EmailResource {

    public record TokenBody(String token) {
    }

    public record ChangeBody(String email, String password, String code, String recoveryCode) {
    }

    /** The address a link was sent to. */
    public record Sent(String email) {
    }

    private final EmailVerification verification;
    private final EmailChange change;
    private final SessionManager sessions;

    @Activate
    public EmailResource(@Reference EmailVerification verification, @Reference EmailChange change,
                         @Reference SessionManager sessions) {
        this.verification = verification;
        this.change = change;
        this.sessions = sessions;
    }

    @PermitAll
    @POST
    @Path("auth/email/verify")
    @Consumes(MediaType.APPLICATION_JSON)
    public EmailVerification.Verified verify(TokenBody body, @Context HttpServletRequest http) {
        if (body == null || body.token() == null || body.token().isBlank()) {
            throw DomainException.badRequest("Send {\"token\": \"<the token from the link>\"}.");
        }
        return verification.redeem(body.token(), Clients.of(http));
    }

    @RolesAllowed("user")
    @POST
    @Path("me/email/verification")
    public Response resend(@Context SecurityContext security, @Context HttpServletRequest http) {
        Session session = session(security);
        verification.resend(session.accountId(), Clients.of(http));
        return Response.accepted().build();
    }

    @RolesAllowed("user")
    @PUT
    @Path("me/email")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response change(ChangeBody body, @Context SecurityContext security, @Context HttpServletRequest http) {
        Session session = session(security);
        if (body == null) {
            throw DomainException.badRequest("Send {\"email\": \"<new address>\", \"password\": \"<your password>\"}.");
        }
        String sentTo = change.request(session, body.email(), new OwnerProof(body.password(), body.code(), body.recoveryCode()),
                Clients.of(http));
        return Response.accepted(new Sent(sentTo)).build();
    }

    private Session session(SecurityContext security) {
        return Caller.of(security.getUserPrincipal()).filter(c -> c.sessionId() != null)
                .flatMap(c -> sessions.find(c.sessionId()))
                .orElseThrow(() -> new DomainException(DomainException.Kind.UNAUTHORIZED, "Sign in first."));
    }
}
