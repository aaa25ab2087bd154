package org.vitrine.core.takedown;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.vitrine.api.security.Caller;
import org.vitrine.core.http.QueryParams;

import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code POST /api/admin/documents/{id}/restore {"note"?}}: an admin shows a taken-down document again, whoever took
 * it down (its importer's deletion request included); standing deletion requests are marked restored.
 */
@Component(service = AdminDocumentsResource.class)
@JakartarsResource
@JSONRequired
@Path("admin/documents/{id}/restore")
public class AdminDocumentsResource {

    public record Restore(String note) {
    }

    public record Restored(long documentId, String status) {
    }

    private final DocumentTakedowns takedowns;

    @Activate
    public AdminDocumentsResource(@Reference DocumentTakedowns takedowns) {
        this.takedowns = takedowns;
    }

    @RolesAllowed("admin")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Restored restore(@PathParam("id") String id, Restore body, @Context SecurityContext security,
                            @Context HttpServletRequest http) {
        long documentId = QueryParams.pathId(id, "There is no document '" + id + "'.");
        takedowns.restore(Caller.of(security.getUserPrincipal()).orElse(null), documentId, body == null ? null : body.note(),
                http.getRemoteAddr());
        return new Restored(documentId, "public");
    }
}
