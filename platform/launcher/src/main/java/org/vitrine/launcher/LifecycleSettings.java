package org.vitrine.launcher;

import java.time.Duration;

/**
 * How Vitrine stops and how it keeps its embedded database running.
 *
 * @param stopGrace        how long a stop waits for the requests already received to be answered ({@code stop.grace.seconds})
 * @param databaseRestarts how many times the embedded database is restarted within {@code restartWindow} before Vitrine
 *                         gives up and stops ({@code db.embedded.restart.max}; 0 never restarts it)
 * @param restartWindow    the period those restarts are counted in ({@code db.embedded.restart.window.minutes})
 */
public record LifecycleSettings(Duration stopGrace, int databaseRestarts, Duration restartWindow) {

    public static final LifecycleSettings DEFAULTS = new LifecycleSettings(Duration.ofSeconds(20), 5, Duration.ofMinutes(10));
}
