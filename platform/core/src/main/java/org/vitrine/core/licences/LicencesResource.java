package org.vitrine.core.licences;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import com.fasterxml.jackson.annotation.JsonProperty;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/licences}: the SPDX licences a document may have, and the one new documents get. */
@Component(service = LicencesResource.class)
@JakartarsResource
@JSONRequired
@Path("licences")
public class LicencesResource {

    public record Answer(@JsonProperty("default") String defaultLicence, List<SpdxLicences.Licence> licences) {
    }

    private final Licences licences;

    @Activate
    public LicencesResource(@Reference Licences licences) {
        this.licences = licences;
    }

    @PermitAll
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Answer list() {
        return new Answer(licences.defaultLicence(), licences.spdx().all());
    }
}
