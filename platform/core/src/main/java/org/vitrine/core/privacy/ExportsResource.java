package org.vitrine.core.privacy;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.vitrine.api.security.Caller;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * The signed-in person's data exports: {@code GET /api/me/exports} (state, created, expires), one export, and
 * its archive. Another account's export is not found (404).
 */
@Component(service = ExportsResource.class)
@JakartarsResource
@JSONRequired
@Path("me/exports")
@Produces(MediaType.APPLICATION_JSON)
public class ExportsResource {

    private final DataExports exports;

    @Activate
    public ExportsResource(@Reference DataExports exports) {
        this.exports = exports;
    }

    @RolesAllowed("user")
    @GET
    public Map<String, List<ExportView>> list(@Context SecurityContext security) {
        Caller caller = SignedIn.caller(security);
        return Map.of("items", exports.of(caller.accountId()).stream().map(ExportView::of).toList());
    }

    @RolesAllowed("user")
    @GET
    @Path("{id}")
    public ExportView one(@PathParam("id") long id, @Context SecurityContext security) {
        return ExportView.of(exports.get(SignedIn.caller(security).accountId(), id));
    }

    @RolesAllowed("user")
    @GET
    @Path("{id}/download")
    @Produces({"application/zip", MediaType.APPLICATION_JSON})
    public Response download(@PathParam("id") long id, @Context SecurityContext security) {
        DataExports.Download download = exports.download(SignedIn.caller(security).accountId(), id);
        return Response.ok(download.content(), "application/zip")
                .header("Content-Length", download.blob().size())
                .header("Content-Disposition", "attachment; filename=\"vitrine-export-" + id + ".zip\"")
                .header("Cache-Control", "private, no-store")
                .build();
    }
}
