package org.vitrine.core.health;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.vitrine.api.health.HealthCheck;
import org.vitrine.api.health.HealthContributor;
import org.vitrine.api.health.HealthStatus;
import org.vitrine.api.modules.Module;
import org.vitrine.api.modules.ModuleRegistry;
import org.vitrine.api.modules.ModuleState;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/health}: DOWN when a probe says something essential is unreachable (503), DEGRADED when a
 * module failed (200: the rest keeps serving), UP otherwise. Answering at all proves the HTTP and REST stack
 * is ready, which is why the launcher waits for this resource rather than for bundle states.
 */
@Component(service = HealthResource.class)
@JakartarsResource
@JSONRequired
@Path("health")
public class HealthResource {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ModuleHealth(String id, String state, String reason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CheckView(String id, String status, String detail) {
    }

    public record Report(String status, long uptimeSeconds, List<ModuleHealth> modules, List<CheckView> checks) {
    }

    private final ModuleRegistry modules;
    private final List<HealthContributor> contributors = new CopyOnWriteArrayList<>();

    @Activate
    public HealthResource(@Reference ModuleRegistry modules) {
        this.modules = modules;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addContributor(HealthContributor contributor) {
        contributors.add(contributor);
    }

    void removeContributor(HealthContributor contributor) {
        contributors.remove(contributor);
    }

    @PermitAll
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        HealthStatus status = HealthStatus.UP;
        List<ModuleHealth> moduleHealth = new ArrayList<>();
        for (Module m : modules.list()) {
            moduleHealth.add(new ModuleHealth(m.id(), m.state().name().toLowerCase(),
                    m.state() == ModuleState.ENABLED ? null : m.reason()));
            if (m.state() == ModuleState.FAILED) {
                status = status.worst(HealthStatus.DEGRADED);
            }
        }
        List<CheckView> checks = new ArrayList<>();
        for (HealthContributor contributor : contributors) {
            HealthCheck check = safeCheck(contributor);
            checks.add(new CheckView(check.id(), check.status().name(), check.detail()));
            status = status.worst(check.status());
        }
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime() / 1000;
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.status(status == HealthStatus.DOWN ? 503 : 200)
                .cacheControl(noStore)
                .entity(new Report(status.name(), uptime, moduleHealth, checks))
                .build();
    }

    private static HealthCheck safeCheck(HealthContributor contributor) {
        try {
            return contributor.check();
        } catch (RuntimeException e) {
            return HealthCheck.down(contributor.getClass().getSimpleName(), "probe failed: " + e.getMessage());
        }
    }
}
