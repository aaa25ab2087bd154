package org.vitrine.core.moderation;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.vitrine.api.problem.DomainException;
import org.vitrine.api.security.Caller;
import org.vitrine.core.http.QueryParams;

import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code POST /api/documents/{id}/reports {"reason", "message"?, "email"?}}: anyone reports a public document
 * (reason: copyright, offensive, personal-data, spam or other); 201 with the report's id. Limited per address
 * ({@code rate.report.ip}).
 */
@Component(service = ReportsResource.class)
@JakartarsResource
@JSONRequired
@Path("documents/{id}/reports")
public class ReportsResource {

    public record Filing(String reason, String message, String email) {
    }

    public record Filed(long id, long documentId, String state) {
    }

    private final Reports reports;

    @Activate
    public ReportsResource(@Reference Reports reports) {
        this.reports = reports;
    }

    @PermitAll
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response file(@PathParam("id") String id, Filing body, @Context SecurityContext security,
                         @Context HttpServletRequest http) {
        long documentId = QueryParams.pathId(id, "There is no document '" + id + "'.");
        if (body == null) {
            throw DomainException.badRequest("Send a JSON body like {\"reason\": \"copyright\", \"message\": \"...\"}.");
        }
        long report = reports.file(Caller.of(security.getUserPrincipal()).orElse(null), documentId, body.reason(),
                body.message(), body.email(), http.getRemoteAddr());
        return Response.status(Response.Status.CREATED).entity(new Filed(report, documentId, "open")).build();
    }
}
