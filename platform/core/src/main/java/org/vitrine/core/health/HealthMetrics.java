package org.vitrine.core.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.vitrine.api.health.HealthStatus;
import org.vitrine.api.modules.ModuleState;
import org.vitrine.core.metrics.Sampler;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

/**
 * The health report as meters, sampled every {@value #PERIOD_SECONDS} s: {@code vitrine_health_status{status}} for
 * the platform, {@code vitrine_health_check_status{check, module, status}} for each probe (database, blobs, mail,
 * ...) and {@code vitrine_module_state{module, state}} for each module. Each is a state set: 1 for the state it is in
 * now, 0 for the others, and no value while the report cannot be taken.
 */
@Component(immediate = true)
public class HealthMetrics {

    static final long PERIOD_SECONDS = 5;

    private final MeterRegistry registry;
    // assigned last: gauges may be read (and the first sample taken) before the constructor returns
    private volatile Sampler<PlatformHealth.Report> sampler;
    private final List<Gauge> platform = new ArrayList<>();
    private final MultiGauge checks;
    private final MultiGauge moduleStates;

    @Activate
    public HealthMetrics(@Reference PlatformHealth health, @Reference MeterRegistry registry) {
        this.registry = registry;
        for (HealthStatus status : HealthStatus.values()) {
            platform.add(Gauge.builder("vitrine.health.status", this, m -> m.platformIs(status))
                    .description("1 when the platform's health (as GET /api/health) is this status, else 0")
                    .tag("status", status.name()).register(registry));
        }
        this.checks = MultiGauge.builder("vitrine.health.check.status")
                .description("1 when the health check reports this status, else 0").register(registry);
        this.moduleStates = MultiGauge.builder("vitrine.module.state")
                .description("1 when the module is in this state, else 0").register(registry);
        this.sampler = new Sampler<>("health", Duration.ofSeconds(PERIOD_SECONDS), () -> {
            PlatformHealth.Report report = health.report();
            updateRows(report);
            return report;
        });
    }

    @Deactivate
    void deactivate() {
        sampler.close();
        checks.register(List.of(), true);
        moduleStates.register(List.of(), true);
        platform.forEach(registry::remove);
    }

    private PlatformHealth.Report latest() {
        Sampler<PlatformHealth.Report> current = sampler;
        return current == null ? null : current.latest();
    }

    private double platformIs(HealthStatus status) {
        PlatformHealth.Report report = latest();
        return report == null ? Double.NaN : report.status().equals(status.name()) ? 1 : 0;
    }

    private void updateRows(PlatformHealth.Report report) {
        List<MultiGauge.Row<?>> checkRows = new ArrayList<>();
        for (PlatformHealth.CheckView check : report.checks()) {
            for (HealthStatus status : HealthStatus.values()) {
                Tags tags = Tags.of("check", check.id(), "module", check.module() == null ? "" : check.module(),
                        "status", status.name());
                checkRows.add(MultiGauge.Row.of(tags, this, m -> m.checkIs(check.id(), status)));
            }
        }
        checks.register(checkRows);
        List<MultiGauge.Row<?>> moduleRows = new ArrayList<>();
        for (PlatformHealth.ModuleHealth module : report.modules()) {
            for (ModuleState state : ModuleState.values()) {
                String name = state.name().toLowerCase(Locale.ROOT);
                moduleRows.add(MultiGauge.Row.of(Tags.of("module", module.id(), "state", name), this,
                        m -> m.moduleIs(module.id(), name)));
            }
        }
        moduleStates.register(moduleRows);
    }

    private double checkIs(String id, HealthStatus status) {
        PlatformHealth.Report report = latest();
        if (report == null) {
            return Double.NaN;
        }
        return report.checks().stream().filter(c -> c.id().equals(id)).findFirst()
                .map(c -> c.status().equals(status.name()) ? 1.0 : 0.0).orElse(Double.NaN);
    }

    private double moduleIs(String id, String state) {
        PlatformHealth.Report report = latest();
        if (report == null) {
            return Double.NaN;
        }
        return report.modules().stream().filter(m -> m.id().equals(id)).findFirst()
                .map(m -> m.state().equals(state) ? 1.0 : 0.0).orElse(Double.NaN);
    }
}
