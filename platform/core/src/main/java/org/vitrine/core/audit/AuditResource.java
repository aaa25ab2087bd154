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
import org.vitrine.api.security.Caller;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code GET /api/admin/audit?before=&limit=&action=}: the audit log for admins, newest first. {@code next}, when
 * present, is the {@code before} of the following page; pages stay put while new events arrive. A page that shows
 * IP addresses is itself recorded as a read of personal data (one event per page, see {@link PersonalDataReads}).
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
    private final PersonalDataReads reads;

    @Activate
    public AuditResource(@Reference AuditLog log, @Reference PersonalDataReads reads) {
        this.log = log;
        this.reads = reads;
    }

    @RolesAllowed("admin")
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Page page(@QueryParam("before") String before, @QueryParam("limit") @DefaultValue("50") String limit,
                     @QueryParam("action") String action, @Context SecurityContext security,
                     @Context HttpServletRequest http) {
        int size = number("limit", limit, 1, MAX_LIMIT);
        String only = text("action", action, 128);
        if (only != null && !only.matches("[A-Za-z0-9._-]+")) {
            throw DomainException.badRequest("'action' is an action name such as auth.signin, not '" + only + "'.");
        }
        // one more than asked tells whether a following page exists
        List<AuditEntry> entries = log.page(new AuditQuery(optionalNumber("before", before, 1, Long.MAX_VALUE), size + 1, only));
        List<Item> items = entries.stream().limit(size).map(AuditResource::item).toList();
        Long next = entries.size() > size ? items.get(items.size() - 1).id() : null;
        long withIp = items.stream().filter(i -> i.ip() != null).count();
        if (withIp > 0) {
            reads.record(Caller.of(security.getUserPrincipal()).orElse(null), http.getRemoteAddr(), "audit-log",
                    withIp + " audit entries with IP addresses (ids " + items.get(items.size() - 1).id() + " to " + items.get(0).id() + ")");
        }
        return new Page(items, next);
    }

    private static Item item(AuditEntry e) {
        var event = e.event();
        return new Item(e.id(), event.time(), event.actor(), event.action(), event.target(), event.ip(), event.outcome(),
                event.detail());
    }
}
