package org.vitrine.core.contact;

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
import org.vitrine.api.contact.ContactRequest;
import org.vitrine.api.security.Caller;
import org.vitrine.core.audit.PersonalDataReads;

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
 * {@code GET /api/admin/contact-requests?type=&before=&limit=}: the messages of the contact form, newest first, for
 * admins. {@code next}, when present, is the {@code before} of the following page. Every page with messages is
 * recorded as a read of personal data (names, addresses and messages of the senders).
 */
@Component(service = AdminContactRequestsResource.class)
@JakartarsResource
@JSONRequired
@Path("admin/contact-requests")
public class AdminContactRequestsResource {

    static final int MAX_LIMIT = 200;

    public record Item(long id, String name, String email, String type, String message, String state, Instant createdAt) {
        static Item of(ContactRequest r) {
            return new Item(r.id(), r.name(), r.email(), r.type().id(), r.message(), r.open() ? "open" : "closed", r.createdAt());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Page(List<Item> items, Long next) {
    }

    private final ContactRequests requests;
    private final PersonalDataReads reads;

    @Activate
    public AdminContactRequestsResource(@Reference ContactRequests requests, @Reference PersonalDataReads reads) {
        this.requests = requests;
        this.reads = reads;
    }

    @RolesAllowed("admin")
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Page page(@QueryParam("type") String type, @QueryParam("before") String before,
                     @QueryParam("limit") @DefaultValue("50") String limit, @Context SecurityContext security,
                     @Context HttpServletRequest http) {
        int size = number("limit", limit, 1, MAX_LIMIT);
        List<ContactRequest> found = requests.page(optionalNumber("before", before, 1, Long.MAX_VALUE), size + 1,
                text("type", type, 40));
        List<Item> items = found.stream().limit(size).map(Item::of).toList();
        if (!items.isEmpty()) {
            reads.record(Caller.of(security.getUserPrincipal()).orElse(null), http.getRemoteAddr(), "contact-requests",
                    items.size() + " contact requests with names, e-mail addresses and messages (ids "
                            + items.get(items.size() - 1).id() + " to " + items.get(0).id() + ")");
        }
        return new Page(items, found.size() > size ? items.get(items.size() - 1).id() : null);
    }
}
