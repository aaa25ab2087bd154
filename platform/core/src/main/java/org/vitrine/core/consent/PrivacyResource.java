package org.vitrine.core.consent;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.vitrine.api.consent.ConsentService;
import org.vitrine.api.problem.DomainException;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/privacy}: the public facts of the privacy page, from the active policy and the admin's settings. */
@Component(service = PrivacyResource.class)
@JakartarsResource
@JSONRequired
@Path("privacy")
@Produces(MediaType.APPLICATION_JSON)
public class PrivacyResource {

    private final ConsentService consent;
    private final PrivacyNotice notice;

    @Activate
    public PrivacyResource(@Reference ConsentService consent, @Reference PrivacyNotice notice) {
        this.consent = consent;
        this.notice = notice;
    }

    @PermitAll
    @GET
    public PrivacyView privacy() {
        return consent.activePolicy().map(p -> PrivacyView.of(p, notice))
                .orElseThrow(() -> new DomainException(DomainException.Kind.UNAVAILABLE, "No consent policy is active."));
    }
}
