package org.vitrine.core.health;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/health}: the {@link PlatformHealth} report, 503 when DOWN (something essential is unreachable),
 * 200 when DEGRADED (the rest keeps serving) or UP. Answering at all proves the HTTP and REST stack is ready, which
 * is why the launcher waits for this resource rather than for bundle states.
 */
@Component(service = HealthResource.class)
@JakartarsResource
@JSONRequired
@Path("health")
public class HealthResource {

    private final PlatformHealth health;

    @Activate
    public HealthResource(@Reference PlatformHealth health) {
        this.health = health;
    }

    @PermitAll
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        PlatformHealth.Report report = health.report();
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.status("DOWN".equals(report.status()) ? 503 : 200)
                .cacheControl(noStore)
                .entity(report)
                .build();
    }
}
