package org.vitrine.core.imports;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.vitrine.api.imports.ImportJob;
import org.vitrine.api.imports.ImportJobStore;
import org.vitrine.core.metrics.Sampler;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Import jobs and their items by state, counted in the store every {@value #PERIOD_SECONDS} s:
 * {@code vitrine_import_jobs{state}} (queued, running, paused, completed, failed) and
 * {@code vitrine_import_items{state}} (pending, running, done, failed). No value while the store cannot be asked.
 */
@Component(immediate = true)
public class ImportMetrics {

    static final long PERIOD_SECONDS = 5;

    private final MeterRegistry registry;
    private final List<Gauge> gauges = new ArrayList<>();
    // assigned last: gauges may be read before the constructor returns
    private volatile Sampler<ImportJobStore.StateCounts> sampler;

    @Activate
    public ImportMetrics(@Reference ImportJobStore jobs, @Reference MeterRegistry registry) {
        this.registry = registry;
        for (ImportJob.JobState state : ImportJob.JobState.values()) {
            gauge("vitrine.import.jobs", "Import jobs in this state", state, ImportJobStore.StateCounts::jobs);
        }
        for (ImportJob.ItemState state : ImportJob.ItemState.values()) {
            gauge("vitrine.import.items", "Documents of import jobs in this state", state, ImportJobStore.StateCounts::items);
        }
        this.sampler = new Sampler<>("imports", Duration.ofSeconds(PERIOD_SECONDS), jobs::stateCounts);
    }

    private <S extends Enum<S>> void gauge(String name, String description, S state,
                                           Function<ImportJobStore.StateCounts, Map<S, Long>> counts) {
        gauges.add(Gauge.builder(name, this, m -> m.count(state, counts)).description(description)
                .tag("state", state.name().toLowerCase(Locale.ROOT)).register(registry));
    }

    private <S extends Enum<S>> double count(S state, Function<ImportJobStore.StateCounts, Map<S, Long>> counts) {
        Sampler<ImportJobStore.StateCounts> current = sampler;
        ImportJobStore.StateCounts latest = current == null ? null : current.latest();
        return latest == null ? Double.NaN : counts.apply(latest).getOrDefault(state, 0L);
    }

    @Deactivate
    void deactivate() {
        sampler.close();
        gauges.forEach(registry::remove);
    }
}
