package org.vitrine.api.health;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A probe that takes part in {@code GET /api/health}. A contributor reporting {@link HealthStatus#DOWN}
 * makes the platform DOWN: register one only for something without which Vitrine cannot serve (the
 * metadata store), not for optional features.
 *
 * <p>Threading: {@link #check()} is called on request threads, possibly concurrently. It must return
 * within about a second (use a short timeout on any I/O) and must not throw; report failures as DOWN.
 */
@ConsumerType
public interface HealthContributor {

    /**
     * Service property naming the module a contributor belongs to (its id, e.g. {@code blobs-fs}), so that health
     * says which module is unhealthy: {@code @Component(property = HealthContributor.MODULE + "=blobs-fs")}.
     */
    String MODULE = "vitrine.module";

    /** Probes now and reports what it found. */
    HealthCheck check();
}
