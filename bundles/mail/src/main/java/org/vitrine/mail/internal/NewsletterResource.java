package org.vitrine.mail.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.vitrine.api.problem.DomainException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code POST /api/admin/newsletter {"subject", "body"}}: an admin sends a newsletter (plain text) to every active
 * account whose consent allows marketing; answers how many get it and how many were skipped.
 */
@Component(service = NewsletterResource.class)
@JakartarsResource
@JSONRequired
@Path("admin/newsletter")
public class NewsletterResource {

    public record Request(String subject, String body) {
    }

    private final Newsletter newsletter;

    @Activate
    public NewsletterResource(@Reference Newsletter newsletter) {
        this.newsletter = newsletter;
    }

    @RolesAllowed("admin")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Newsletter.Outcome send(Request body, @Context SecurityContext security, @Context HttpServletRequest http) {
        if (body == null) {
            throw DomainException.badRequest("Send {\"subject\": ..., \"body\": ...}.");
        }
        return newsletter.send(body.subject(), body.body(), security.getUserPrincipal().getName(), http.getRemoteAddr());
    }
}
