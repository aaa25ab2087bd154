package org.vitrine.api.health;

import java.util.Objects;

/**
 * The result of one probe.
 *
 * @param id     the contributor's id, e.g. {@code database}
 * @param status what the probe found
 * @param detail a short human-readable explanation, never containing secrets; may be {@code null}
 */
public record HealthCheck(String id, HealthStatus status, String detail) {
    public HealthCheck {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
    }

    public static HealthCheck up(String id) {
        return new HealthCheck(id, HealthStatus.UP, null);
    }

    public static HealthCheck down(String id, String detail) {
        return new HealthCheck(id, HealthStatus.DOWN, detail);
    }
}
