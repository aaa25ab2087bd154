package org.vitrine.core.retention;

import java.time.Instant;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.vitrine.api.retention.AddressLog;
import org.vitrine.api.security.Caller;

import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code POST /api/admin/retention/run}: an admin runs the retention job now (it also runs every few hours) and sees
 * what it did: addresses shortened, access log archives deleted, and what the modules removed ({@code expired}). It always works from the real time: nobody can make it treat recent addresses as old.
 */
@Component(service = RetentionResource.class)
@JakartarsResource
@JSONRequired
@Path("admin/retention/run")
public class RetentionResource {

    public record Anonymised(int auditEvents, int reports, int consentRecords, int contactRequests) {
    }

    public record Run(Instant cutoff, int retentionDays, Anonymised anonymised, int accessLogArchivesDeleted,
                      Map<String, Integer> expired) {
    }

    private final AddressRetention retention;

    @Activate
    public RetentionResource(@Reference AddressRetention retention) {
        this.retention = retention;
    }

    @RolesAllowed("admin")
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Run run(@Context SecurityContext security, @Context HttpServletRequest http) {
        String actor = Caller.of(security.getUserPrincipal()).map(Caller::name).orElse("unknown");
        AddressRetention.Result r = retention.run(actor, http.getRemoteAddr());
        return new Run(r.cutoff(), r.retentionDays(), new Anonymised(r.anonymised().get(AddressLog.AUDIT_EVENTS),
                r.anonymised().get(AddressLog.REPORTS), r.anonymised().get(AddressLog.CONSENT_RECORDS),
                r.anonymised().get(AddressLog.CONTACT_REQUESTS)), r.logArchives(), r.expired());
    }
}
