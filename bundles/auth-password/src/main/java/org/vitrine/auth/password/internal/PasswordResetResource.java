package org.vitrine.auth.password.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /api/auth/password/reset-request} (always 202, the same answer for every address) and
 * {@code POST /api/auth/password/reset} (a new password with the token from the link; signs nobody in). The class
 * path is the sign-in resource's: Jakarta REST picks one root path per request, so "" would never be reached here.
 */
@Component(service = PasswordResetResource.class)
@JakartarsResource
@JSONRequired
@Path("auth/password")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PasswordResetResource {

    public record Requested(String message) {
    }

    public record Done(int sessionsEnded) {
    }

    private final PasswordResets resets;

    @Activate
    public PasswordResetResource(@Reference PasswordResets resets) {
        this.resets = resets;
    }

    @PermitAll
    @POST
    @Path("reset-request")
    public Response request(Requests.ResetRequest body, @Context HttpServletRequest http) {
        resets.request(Http.body(body, "{\"email\": ...}").email(), Http.client(http));
        return Response.accepted(new Requested("If an account has this address, a message with a link to choose a new "
                + "password is on its way. The link works for " + minutes(resets.linkMinutes()) + ".")).build();
    }

    private static String minutes(long n) {
        return n == 1 ? "1 minute" : n + " minutes";
    }

    @PermitAll
    @POST
    @Path("reset")
    public Done reset(Requests.Reset body, @Context HttpServletRequest http) {
        Requests.Reset r = Http.body(body, "{\"token\": ..., \"password\": ...}");
        return new Done(resets.reset(r.token(), r.password(), Http.client(http)));
    }
}
