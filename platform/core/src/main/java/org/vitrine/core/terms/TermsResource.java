package org.vitrine.core.terms;

import java.util.Arrays;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/terms}: the terms importers confirm, for the {@code /terms} page; public. */
@Component(service = TermsResource.class)
@JakartarsResource
@JSONRequired
@Path("terms")
@Produces(MediaType.APPLICATION_JSON)
public class TermsResource {

    /** The terms; {@code paragraphs} is {@code text} split at empty lines, ready to show. */
    public record TermsView(String version, String effectiveDate, String text, List<String> paragraphs) {
    }

    private final ImportTerms terms;

    @Activate
    public TermsResource(@Reference ImportTerms terms) {
        this.terms = terms;
    }

    @PermitAll
    @GET
    public TermsView terms() {
        ImportTerms.Version v = terms.current();
        List<String> paragraphs = Arrays.stream(v.text().split("\\R\\s*\\R")).map(p -> p.strip().replaceAll("\\s*\\R\\s*", " "))
                .filter(p -> !p.isEmpty()).toList();
        return new TermsView(v.version(), v.effectiveDate().toString(), v.text(), paragraphs);
    }
}
