package org.vitrine.core.moderation;

import static org.vitrine.core.http.QueryParams.number;
import static org.vitrine.core.http.QueryParams.optionalNumber;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.vitrine.api.moderation.Report;
import org.vitrine.api.moderation.ReportState;
import org.vitrine.api.problem.DomainException;
import org.vitrine.api.security.Caller;
import org.vitrine.core.audit.PersonalDataReads;
import org.vitrine.core.http.QueryParams;
import org.vitrine.core.takedown.DocumentTakedowns;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * The moderators' desk, for moderators and admins (401 for anonymous callers, 403 for others):
 * <ul>
 * <li>{@code GET /api/moderation/reports?state=open|closed&after=&limit=}: the queue, oldest first; {@code next},
 * when present, is the {@code after} of the following page;</li>
 * <li>{@code POST /api/moderation/reports/{id}/close {"note", "disableDocument"?}}: closes a report, taking its
 * document down first when asked;</li>
 * <li>{@code POST /api/moderation/documents/{id}/disable {"reason", "note"?}} and
 * {@code POST /api/moderation/documents/{id}/restore {"note"?}}: take a document down or show it again.</li>
 * </ul>
 */
@Component(service = ModerationResource.class)
@JakartarsResource
@JSONRequired
@Path("moderation")
@Produces(MediaType.APPLICATION_JSON)
public class ModerationResource {

    static final int MAX_LIMIT = 200;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(long id, long documentId, String documentName, String documentStatus, String reason, String message,
                       String reporterEmail, Long reporterId, String state, String note, Long closedBy, Instant createdAt,
                       Instant closedAt) {
        static Item of(Report r) {
            return new Item(r.id(), r.documentId(), r.documentName(), r.documentStatus().name().toLowerCase(Locale.ROOT),
                    r.reason().id(), r.message(), r.reporterEmail(), r.reporterId(), r.state().name().toLowerCase(Locale.ROOT),
                    r.note(), r.closedBy(), r.createdAt(), r.closedAt());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Page(List<Item> items, Long next) {
    }

    public record Close(String note, Boolean disableDocument) {
    }

    public record Disable(String reason, String note) {
    }

    public record Restore(String note) {
    }

    public record Changed(long documentId, String status) {
    }

    private final Reports reports;
    private final DocumentTakedowns takedowns;
    private final PersonalDataReads reads;

    @Activate
    public ModerationResource(@Reference Reports reports, @Reference DocumentTakedowns takedowns,
                              @Reference PersonalDataReads reads) {
        this.reports = reports;
        this.takedowns = takedowns;
        this.reads = reads;
    }

    @RolesAllowed("moderator")
    @GET
    @Path("reports")
    public Page queue(@QueryParam("state") @DefaultValue("open") String state, @QueryParam("after") String after,
                      @QueryParam("limit") @DefaultValue("50") String limit, @Context SecurityContext security,
                      @Context HttpServletRequest http) {
        Caller caller = reports.requireModerator(caller(security));
        int size = number("limit", limit, 1, MAX_LIMIT);
        List<Report> found = reports.queue(caller, state(state), optionalNumber("after", after, 1, Long.MAX_VALUE), size + 1);
        List<Item> items = found.stream().limit(size).map(Item::of).toList();
        List<Long> withEmail = items.stream().filter(i -> i.reporterEmail() != null).map(Item::id).toList();
        if (!withEmail.isEmpty()) {
            reads.record(caller, http.getRemoteAddr(), "reports", withEmail.size() + " reports with reporters' e-mail addresses (ids "
                    + withEmail.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")) + ")");
        }
        return new Page(items, found.size() > size ? items.get(items.size() - 1).id() : null);
    }

    @RolesAllowed("moderator")
    @POST
    @Path("reports/{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    public Item close(@PathParam("id") String id, Close body, @Context SecurityContext security,
                      @Context HttpServletRequest http) {
        long reportId = QueryParams.pathId(id, "There is no report '" + id + "'.");
        return Item.of(reports.close(caller(security), reportId, body == null ? null : body.note(),
                body != null && Boolean.TRUE.equals(body.disableDocument()), http.getRemoteAddr()));
    }

    @RolesAllowed("moderator")
    @POST
    @Path("documents/{id}/disable")
    @Consumes(MediaType.APPLICATION_JSON)
    public Changed disable(@PathParam("id") String id, Disable body, @Context SecurityContext security,
                           @Context HttpServletRequest http) {
        long documentId = QueryParams.pathId(id, "There is no document '" + id + "'.");
        takedowns.disable(caller(security), documentId, body == null ? null : body.reason(), body == null ? null : body.note(),
                http.getRemoteAddr());
        return new Changed(documentId, "disabled");
    }

    @RolesAllowed("moderator")
    @POST
    @Path("documents/{id}/restore")
    @Consumes(MediaType.APPLICATION_JSON)
    public Changed restore(@PathParam("id") String id, Restore body, @Context SecurityContext security,
                           @Context HttpServletRequest http) {
        long documentId = QueryParams.pathId(id, "There is no document '" + id + "'.");
        takedowns.restore(caller(security), documentId, body == null ? null : body.note(), http.getRemoteAddr());
        return new Changed(documentId, "public");
    }

    private static Caller caller(SecurityContext security) {
        return Caller.of(security.getUserPrincipal()).orElse(null);
    }

    private static ReportState state(String value) {
        try {
            return ReportState.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.badRequest("'state' must be open or closed, not '" + value + "'.");
        }
    }
}
