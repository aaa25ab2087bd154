package org.vitrine.core.metrics;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a sample of something slow to measure (it asks the database, or probes a disk) every few seconds on a
 * thread of its own, so that meters reading it answer at once and a scrape never waits on a frozen database. A
 * failed sample is logged and leaves no value ({@link #latest()} is {@code null}) until the next one succeeds: a
 * stale number would look healthy.
 *
 * @param <T> what a sample holds
 */
public final class Sampler<T> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Sampler.class);

    private final String name;
    private final Supplier<T> source;
    private final ScheduledExecutorService thread;
    private volatile T latest;
    private volatile boolean failing;
    private volatile boolean worked;

    public Sampler(String name, Duration period, Supplier<T> source) {
        this.name = name;
        this.source = source;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vitrine-sample-" + name);
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::sample, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The last sample, or {@code null} before the first or after a failed one. */
    public T latest() {
        return latest;
    }

    private void sample() {
        try {
            latest = source.get();
            if (failing) {
                LOG.info("Sampling {} works again", name);
            }
            failing = false;
            worked = true;
        } catch (RuntimeException e) {
            latest = null;
            if (!failing && worked) {
                LOG.warn("Sampling {} failed; its meters show no value until it works again: {}", name, e.toString());
            } else if (!failing) {
                // at start the store may still be connecting: not worth a warning
                LOG.info("Sampling {} not possible yet: {}", name, e.getMessage());
            }
            failing = true;
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
