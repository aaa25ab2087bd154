package org.vitrine.core.privacy;

import java.net.URI;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.vitrine.api.security.Caller;

import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/** {@code POST /api/me/export}: asks for the archive of one's data (202, {@code Location} of the export). */
@Component(service = ExportRequestResource.class)
@JakartarsResource
@JSONRequired
@Path("me/export")
@Produces(MediaType.APPLICATION_JSON)
public class ExportRequestResource {

    private final DataExports exports;

    @Activate
    public ExportRequestResource(@Reference DataExports exports) {
        this.exports = exports;
    }

    @RolesAllowed("user")
    @POST
    public Response request(@Context SecurityContext security, @Context HttpServletRequest http) {
        Caller caller = SignedIn.caller(security);
        ExportView view = ExportView.of(exports.request(caller.accountId(), http.getRemoteAddr()));
        return Response.accepted(view).location(URI.create(view.url())).build();
    }
}
