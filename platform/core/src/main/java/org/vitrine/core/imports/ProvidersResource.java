package org.vitrine.core.imports;

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

/** {@code GET /api/providers}: the CAD providers that are on and how documents can be imported from each. */
@Component(service = ProvidersResource.class)
@JakartarsResource
@JSONRequired
@Path("providers")
public class ProvidersResource {

    public record ProviderView(String id, String name, List<String> importMethods) {
    }

    private final CadProviders providers;

    @Activate
    public ProvidersResource(@Reference CadProviders providers) {
        this.providers = providers;
    }

    @PermitAll
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<ProviderView> list() {
        return providers.all().stream().map(p -> new ProviderView(p.id(), p.displayName(),
                p.importMethods().stream().map(m -> m.name().toLowerCase()).sorted().toList())).toList();
    }
}
