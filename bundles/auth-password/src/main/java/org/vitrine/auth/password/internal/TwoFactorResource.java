package org.vitrine.auth.password.internal;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.vitrine.api.security.Caller;

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
 * {@code /api/me/2fa}: enrol an authenticator app (POST), turn it on with a first code and receive the recovery
 * codes (POST confirm), turn it off with the password and a current code (DELETE).
 */
@Component(service = TwoFactorResource.class)
@JakartarsResource
@JSONRequired
@Path("me/2fa")
@Produces(MediaType.APPLICATION_JSON)
public class TwoFactorResource {

    private final PasswordAccounts accounts;

    @Activate
    public TwoFactorResource(@Reference PasswordAccounts accounts) {
        this.accounts = accounts;
    }

    @RolesAllowed("user")
    @POST
    public PasswordAccounts.Enrolment start(@Context SecurityContext security, @Context HttpServletRequest http) {
        Caller caller = Http.signedIn(security);
        return accounts.startTwoFactor(caller.accountId(), Http.client(http));
    }

    @RolesAllowed("user")
    @POST
    @Path("confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, List<String>> confirm(Requests.Code body, @Context SecurityContext security, @Context HttpServletRequest http) {
        Caller caller = Http.signedIn(security);
        List<String> codes = accounts.confirmTwoFactor(caller.accountId(), Http.body(body, "{\"code\": \"123456\"}").code(), Http.client(http));
        return Map.of("recoveryCodes", codes);
    }

    @RolesAllowed("user")
    @DELETE
    @Consumes(MediaType.APPLICATION_JSON)
    public Response disable(Requests.TwoFactorOff body, @Context SecurityContext security, @Context HttpServletRequest http) {
        Caller caller = Http.signedIn(security);
        Requests.TwoFactorOff off = Http.body(body, "{\"password\": ..., \"code\": \"123456\"}");
        accounts.disableTwoFactor(caller.accountId(), off.password(), off.code(), Http.client(http));
        return Response.noContent().build();
    }
}
