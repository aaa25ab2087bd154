package org.vitrine.core.identities;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.vitrine.api.problem.DomainException;
import org.vitrine.api.security.Caller;
import org.vitrine.core.http.QueryParams;

import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * The signed-in person's connected providers: {@code GET /api/me/identities} lists them (never tokens, never the
 * provider's user id), {@code DELETE /api/me/identities/{id}} disconnects one (409 when it is the last way to sign
 * in; 404 for an identity that is not theirs).
 */
@Component(service = MyIdentitiesResource.class)
@JakartarsResource
@JSONRequired
@Path("me/identities")
@Produces(MediaType.APPLICATION_JSON)
public class MyIdentitiesResource {

    private final ConnectedProviders connected;

    @Activate
    public MyIdentitiesResource(@Reference ConnectedProviders connected) {
        this.connected = connected;
    }

    @RolesAllowed("user")
    @GET
    public List<IdentityView> list(@Context SecurityContext security) {
        return connected.of(accountId(security)).stream().map(connected::view).toList();
    }

    @RolesAllowed("user")
    @DELETE
    @Path("{id}")
    public Response unlink(@PathParam("id") String id, @Context SecurityContext security, @Context HttpServletRequest http) {
        long accountId = accountId(security);
        connected.unlink(accountId, QueryParams.pathId(id, "You have no connected provider '" + id + "'."), http.getRemoteAddr());
        return Response.noContent().build();
    }

    private static long accountId(SecurityContext security) {
        return Caller.of(security.getUserPrincipal()).map(Caller::accountId)
                .orElseThrow(() -> new DomainException(DomainException.Kind.UNAUTHORIZED, "Sign in first."));
    }
}
