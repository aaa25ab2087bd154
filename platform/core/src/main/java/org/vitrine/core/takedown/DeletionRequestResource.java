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
 * {@code POST /api/documents/{id}/deletion {"reason"?}}: the document's importer or an admin asks to remove it; it
 * is taken down at once (410 from then on, gone from the catalog and the designers' counts) and kept, so an admin
 * can restore it ({@code POST /api/admin/documents/{id}/restore}).
 */
@Component(service = DeletionRequestResource.class)
@JakartarsResource
@JSONRequired
@Path("documents/{id}/deletion")
public class DeletionRequestResource {

    public record Request(String reason) {
    }

    public record Requested(long documentId, long requestId, String status) {
    }

    private final DocumentTakedowns takedowns;

    @Activate
    public DeletionRequestResource(@Reference DocumentTakedowns takedowns) {
        this.takedowns = takedowns;
    }

    @RolesAllowed("user")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Requested request(@PathParam("id") String id, Request body, @Context SecurityContext security,
                             @Context HttpServletRequest http) {
        long documentId = QueryParams.pathId(id, "There is no document '" + id + "'.");
        long request = takedowns.requestDeletion(Caller.of(security.getUserPrincipal()).orElse(null), documentId,
                body == null ? null : body.reason(), http.getRemoteAddr());
        return new Requested(documentId, request, "disabled");
    }
}
