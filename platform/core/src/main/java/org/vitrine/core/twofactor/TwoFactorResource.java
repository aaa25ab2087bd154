package org.vitrine.core.twofactor;

import java.util.List;
import java.util.Map;

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

import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code /api/me/2fa}, for any signed-in account: enrol an authenticator app (POST), turn it on with a first code and
 * receive the recovery codes (POST confirm), turn it off with a current code or a recovery code and the password when
 * the account has one (DELETE).
 */
@Component(service = TwoFactorResource.class)
@JakartarsResource
@JSONRequired
@Path("me/2fa")
@Produces(MediaType.APPLICATION_JSON)
public class TwoFactorResource {

    /** The body of POST confirm. */
    public record Code(String code) {
    }

    /** The body of DELETE: {@code password} only for an account that has one. */
    public record TwoFactorOff(String password, String code, String recoveryCode) {
    }

    private final TwoFactorEnrolment enrolment;
    private final SessionManager sessions;

    @Activate
    public TwoFactorResource(@Reference TwoFactorEnrolment enrolment, @Reference SessionManager sessions) {
        this.enrolment = enrolment;
        this.sessions = sessions;
    }

    @POST
    @RolesAllowed("user")
    public TwoFactorEnrolment.Enrolment start(@Context SecurityContext security, @Context HttpServletRequest http) {
        return enrolment.start(session(security).accountId(), Clients.of(http));
    }

    @POST
    @Path("confirm")
    @RolesAllowed("user")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, List<String>> confirm(Code body, @Context SecurityContext security, @Context HttpServletRequest http) {
        long account = session(security).accountId();
        if (body == null) {
            throw DomainException.badRequest("Send a JSON body like {\"code\": \"123456\"}.");
        }
        return Map.of("recoveryCodes", enrolment.confirm(account, body.code(), Clients.of(http)));
    }

    @DELETE
    @RolesAllowed("user")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response disable(TwoFactorOff body, @Context SecurityContext security, @Context HttpServletRequest http) {
        Session session = session(security);
        TwoFactorOff off = body == null ? new TwoFactorOff(null, null, null) : body;
        enrolment.disable(session, new OwnerProof(off.password(), off.code(), off.recoveryCode()), Clients.of(http));
        return Response.noContent().build();
    }

    private Session session(SecurityContext security) {
        return Caller.of(security.getUserPrincipal()).filter(c -> c.accountId() != null && c.sessionId() != null)
                .flatMap(c -> sessions.find(c.sessionId()))
                .orElseThrow(() -> new DomainException(DomainException.Kind.UNAUTHORIZED, "Sign in first."));
    }
}
