package org.vitrine.web.internal;

import java.util.List;
import java.util.function.ToDoubleFunction;

import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The HTTP server's request threads as meters: {@code jetty_threads_busy}, {@code jetty_threads_current},
 * {@code jetty_threads_max} and {@code jetty_queued_jobs} (work waiting for a free thread). No value until the server
 * is up.
 */
@Component(immediate = true)
public class JettyThreadMetrics {

    private final MeterRegistry registry;
    private final List<Gauge> gauges;

    @Activate
    public JettyThreadMetrics(@Reference JettyHooks hooks, @Reference MeterRegistry registry) {
        this.registry = registry;
        this.gauges = List.of(
                gauge(hooks, registry, "jetty.threads.busy", "Request threads at work", QueuedThreadPool::getBusyThreads),
                gauge(hooks, registry, "jetty.threads.current", "Request threads started", QueuedThreadPool::getThreads),
                gauge(hooks, registry, "jetty.threads.max", "Most request threads", QueuedThreadPool::getMaxThreads),
                gauge(hooks, registry, "jetty.queued.jobs", "Work waiting for a free request thread", QueuedThreadPool::getQueueSize));
    }

    private static Gauge gauge(JettyHooks hooks, MeterRegistry registry, String name, String description,
                               ToDoubleFunction<QueuedThreadPool> value) {
        return Gauge.builder(name, hooks, h -> h.threads() instanceof QueuedThreadPool pool ? value.applyAsDouble(pool) : Double.NaN)
                .description(description).register(registry);
    }

    @Deactivate
    void deactivate() {
        gauges.forEach(registry::remove);
    }
}
