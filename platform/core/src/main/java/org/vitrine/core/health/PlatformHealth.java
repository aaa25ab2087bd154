package org.vitrine.core.health;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.vitrine.api.health.HealthCheck;
import org.vitrine.api.health.HealthContributor;
import org.vitrine.api.health.HealthStatus;
import org.vitrine.api.modules.Module;
import org.vitrine.api.modules.ModuleRegistry;
import org.vitrine.api.modules.ModuleState;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What {@code GET /api/health} and the health meters report: DOWN when a probe says something essential is
 * unreachable, DEGRADED when a module failed or a probe found a problem the rest can live with, UP otherwise. Each
 * probe names the module it belongs to ({@link HealthContributor#MODULE}).
 */
@Component(service = PlatformHealth.class)
public class PlatformHealth {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ModuleHealth(String id, String state, String reason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CheckView(String id, String module, String status, String detail) {
    }

    public record Report(String status, long uptimeSeconds, List<ModuleHealth> modules, List<CheckView> checks) {
    }

    private final ModuleRegistry modules;
    private final Map<HealthContributor, String> contributors = new ConcurrentHashMap<>();

    @Activate
    public PlatformHealth(@Reference ModuleRegistry modules) {
        this.modules = modules;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addContributor(HealthContributor contributor, Map<String, Object> properties) {
        Object module = properties.get(HealthContributor.MODULE);
        contributors.put(contributor, module == null ? "" : module.toString());
    }

    void removeContributor(HealthContributor contributor) {
        contributors.remove(contributor);
    }

    /** Probes everything now. */
    public Report report() {
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
        contributors.forEach((contributor, module) -> checks.add(view(safeCheck(contributor), module)));
        checks.sort((a, b) -> a.id().compareTo(b.id()));
        for (CheckView check : checks) {
            status = status.worst(HealthStatus.valueOf(check.status()));
        }
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime() / 1000;
        return new Report(status.name(), uptime, moduleHealth, checks);
    }

    private static CheckView view(HealthCheck check, String module) {
        return new CheckView(check.id(), module.isEmpty() ? null : module, check.status().name(), check.detail());
    }

    private static HealthCheck safeCheck(HealthContributor contributor) {
        try {
            return contributor.check();
        } catch (RuntimeException e) {
            return HealthCheck.down(contributor.getClass().getSimpleName(), "probe failed: " + e.getMessage());
        }
    }
}
