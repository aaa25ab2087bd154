package org.vitrine.metrics.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmHeapPressureMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.distribution.pause.NoPauseDetector;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The one meter registry of a running Vitrine, kept in Prometheus' format. Bundles record into it through the
 * {@link MeterRegistry} service registered here (Micrometer's API, a kernel bundle); each removes the meters that
 * refer to its own objects when it stops. The JVM's own meters (memory, garbage collection, threads, classes, CPU,
 * open files, uptime) are bound here.
 */
@Component(service = PrometheusRegistry.class, immediate = true)
public class PrometheusRegistry {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final ServiceRegistration<MeterRegistry> registration;

    @Activate
    public PrometheusRegistry(BundleContext context) {
        // pause detection would need LatencyUtils, which is not shipped; without this Micrometer warns on every timer
        registry.config().pauseDetector(new NoPauseDetector());
        JvmGcMetrics gc = new JvmGcMetrics();
        JvmHeapPressureMetrics heapPressure = new JvmHeapPressureMetrics();
        closeables.add(gc);
        closeables.add(heapPressure);
        for (MeterBinder binder : List.of(new JvmMemoryMetrics(), gc, heapPressure, new JvmThreadMetrics(),
                new ClassLoaderMetrics(), new JvmInfoMetrics(), new ProcessorMetrics(), new UptimeMetrics(),
                new FileDescriptorMetrics())) {
            binder.bindTo(registry);
        }
        registration = context.registerService(MeterRegistry.class, registry, new Hashtable<>());
    }

    @Deactivate
    void deactivate() {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the framework unregisters a stopping bundle's services itself
        }
        for (AutoCloseable closeable : closeables) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // nothing to do: the registry goes away with it
            }
        }
        registry.close();
    }

    /** Writes every meter in the given exposition format ({@link MetricsFormat#contentType()}). */
    void scrape(OutputStream out, MetricsFormat format) throws IOException {
        registry.scrape(out, format.contentType());
    }
}
