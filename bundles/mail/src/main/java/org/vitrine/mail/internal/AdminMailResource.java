package org.vitrine.mail.internal;

import java.time.Instant;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.vitrine.api.audit.AuditEvent;
import org.vitrine.api.audit.AuditLog;

import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code GET /api/admin/mail}: queued and failed messages (no bodies); the list shows addresses, so every read is
 * written to the audit log. {@code POST /api/admin/mail/{id}/retry} requeues a failed message,
 * {@code DELETE /api/admin/mail/{id}} discards it.
 */
@Component(service = AdminMailResource.class)
@JakartarsResource
@JSONRequired
@Path("admin/mail")
public class AdminMailResource {

    public record Item(String id, String state, String template, String to, int attempts, String lastError, Instant createdAt,
                       Instant lastAttemptAt) {
        static Item of(MailSpool.Entry e) {
            return new Item(e.id(), e.place() == MailSpool.Place.OUTBOX ? "queued" : "failed", e.template(), e.to(), e.attempts(),
                    e.lastError(), e.createdAt(), e.lastAttemptAt());
        }
    }

    public record Outbox(int queued, int failed, List<Item> items) {
    }

    private final MailService mail;
    private final AuditLog audit;

    @Activate
    public AdminMailResource(@Reference MailService mail, @Reference AuditLog audit) {
        this.mail = mail;
        this.audit = audit;
    }

    @RolesAllowed("admin")
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Outbox list(@Context SecurityContext security, @Context HttpServletRequest http) {
        List<Item> items = mail.messages().stream().map(Item::of).toList();
        int failed = (int) items.stream().filter(i -> i.state().equals("failed")).count();
        record(security, http, "personal-data.read", "mail", "outbox: " + items.size() + " message(s) with recipient addresses");
        return new Outbox(items.size() - failed, failed, items);
    }

    @RolesAllowed("admin")
    @POST
    @Path("{id}/retry")
    @Produces(MediaType.APPLICATION_JSON)
    public Item retry(@PathParam("id") String id, @Context SecurityContext security, @Context HttpServletRequest http) {
        Item item = Item.of(mail.retry(id));
        record(security, http, "mail.retry", id, item.template());
        return item;
    }

    @RolesAllowed("admin")
    @DELETE
    @Path("{id}")
    public Response discard(@PathParam("id") String id, @Context SecurityContext security, @Context HttpServletRequest http) {
        mail.discard(id);
        record(security, http, "mail.discard", id, null);
        return Response.noContent().build();
    }

    private void record(SecurityContext security, HttpServletRequest http, String action, String target, String detail) {
        audit.append(new AuditEvent(Instant.now(), security.getUserPrincipal().getName(), action, target, http.getRemoteAddr(),
                "success", detail));
    }
}
