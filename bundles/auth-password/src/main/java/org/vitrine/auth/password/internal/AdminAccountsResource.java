package org.vitrine.auth.password.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.vitrine.api.accounts.Account;

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

/**
 * {@code POST /api/admin/accounts}: an admin (or {@code vitrine admin create} with the ops token) creates a
 * password account with roles. The password follows the same rules as registration; there is no default.
 */
@Component(service = AdminAccountsResource.class)
@JakartarsResource
@JSONRequired
@Path("admin/accounts")
public class AdminAccountsResource {

    private final PasswordAccounts accounts;

    @Activate
    public AdminAccountsResource(@Reference PasswordAccounts accounts) {
        this.accounts = accounts;
    }

    @RolesAllowed("admin")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(Requests.NewAccount body, @Context SecurityContext security, @Context HttpServletRequest http) {
        Requests.NewAccount r = Http.body(body, "{\"email\": ..., \"password\": ..., \"roles\": [\"admin\"]}");
        Account account = accounts.createByAdmin(r, security.getUserPrincipal().getName(), Http.client(http));
        return Response.status(Response.Status.CREATED).entity(Http.AccountView.of(account, null)).build();
    }
}
