package org.vitrine.core.contact;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.vitrine.api.problem.DomainException;

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
 * {@code POST /api/contact {"name", "email", "message", "type"}} (type: question, privacy-request or other): anyone
 * writes to the admins; 201 with the message's id. Limited per address ({@code rate.contact.ip}).
 */
@Component(service = ContactResource.class)
@JakartarsResource
@JSONRequired
@Path("contact")
public class ContactResource {

    public record Message(String name, String email, String message, String type) {
    }

    public record Received(long id) {
    }

    private final ContactRequests requests;

    @Activate
    public ContactResource(@Reference ContactRequests requests) {
        this.requests = requests;
    }

    @PermitAll
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response send(Message body, @Context HttpServletRequest http) {
        if (body == null) {
            throw DomainException.badRequest("Send a JSON body like {\"name\": ..., \"email\": ..., \"message\": ..., "
                    + "\"type\": \"question\"}.");
        }
        long id = requests.send(body.name(), body.email(), body.message(), body.type(), http.getRemoteAddr());
        return Response.status(Response.Status.CREATED).entity(new Received(id)).build();
    }
}
