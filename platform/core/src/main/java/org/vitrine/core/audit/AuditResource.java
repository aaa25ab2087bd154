package org.vitrine.core.audit;

import static org.vitrine.core.http.QueryParams.number;
import static org.vitrine.core.http.QueryParams.optionalNumber;
import static org.vitrine.core.http.QueryParams.text;

import java.time.Instant;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.vitrine.api.audit.AuditEntry;
import org.vitrine.api.audit.AuditLog;
import org.vitrine.api.audit.AuditQuery;
import org.vitrine.api.problem.DomainException;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/admin/audit?before=&limit=&action=}: the audit log for admins, newest first. {@code next}, when
 * present, is the {@code before} of the following page; pages stay put while new events arrive.
 */
@Component(service = AuditResource.class)
@JakartarsResource
@JSONRequired
@Path("admin/audit")
public class AuditResource {

    static final int MAX_LIMIT = 200;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(long id, Instant occurredAt, String actor, String action, String target, String ip, String outcome,
                       String detail) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Page(List<Item> items, Long next) {
    }

    private final AuditLog log;

    @Activate
    public AuditResource(@Reference AuditLog log) {
        this.log = log;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Page page(@QueryParam("before") String before, @QueryParam("limit") @DefaultValue("50") String limit,
                     @QueryParam("action") String action) {
        int size = number("limit", limit, 1, MAX_LIMIT);
        String only = text("action", action, 128);
        if (only != null && !only.matches("[A-Za-z0-9._-]+")) {
            throw DomainException.badRequest("'action' is an action name such as auth.signin, not '" + only + "'.");
        }
        // one more than asked tells whether a following page exists
        List<AuditEntry> entries = log.page(new AuditQuery(optionalNumber("before", before, 1, Long.MAX_VALUE), size + 1, only));
        List<Item> items = entries.stream().limit(size).map(AuditResource::item).toList();
        Long next = entries.size() > size ? items.get(items.size() - 1).id() : null;
        return new Page(items, next);
    }

    private static Item item(AuditEntry e) {
        var event = e.event();
        return new Item(e.id(), event.time(), event.actor(), event.action(), event.target(), event.ip(), event.outcome(),
                event.detail());
    }
}
