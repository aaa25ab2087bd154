package org.vitrine.core.licences;

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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code PUT /api/documents/{id}/licence {"licence": "CC-BY-4.0"}}: its importer or an admin gives a document
 * another SPDX licence (a session needs its CSRF token, as for every change).
 */
@Component(service = DocumentLicenceResource.class)
@JakartarsResource
@JSONRequired
@Path("documents/{id}/licence")
public class DocumentLicenceResource {

    public record Change(String licence) {
    }

    public record Changed(long id, String licence) {
    }

    private final DocumentLicences licences;

    @Activate
    public DocumentLicenceResource(@Reference DocumentLicences licences) {
        this.licences = licences;
    }

    @RolesAllowed("user")
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Changed put(@PathParam("id") String id, Change change, @Context SecurityContext security,
                       @Context HttpServletRequest http) {
        long documentId = QueryParams.pathId(id, "There is no document '" + id + "'.");
        String licence = licences.change(Caller.of(security.getUserPrincipal()).orElse(null), documentId,
                change == null ? null : change.licence(), http.getRemoteAddr());
        return new Changed(documentId, licence);
    }
}
