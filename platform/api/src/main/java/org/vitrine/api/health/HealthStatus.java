package org.vitrine.api.health;

/** Overall state of the platform or of one probe, from best to worst. */
public enum HealthStatus {
    UP, DEGRADED, DOWN;

    /** The worse of two states. */
    public HealthStatus worst(HealthStatus other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
