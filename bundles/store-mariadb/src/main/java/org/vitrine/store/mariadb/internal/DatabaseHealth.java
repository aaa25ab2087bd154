package org.vitrine.store.mariadb.internal;

import java.util.Map;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.vitrine.api.health.HealthCheck;
import org.vitrine.api.health.HealthContributor;
import org.vitrine.api.health.HealthStatus;

/**
 * Reports the metadata store DOWN while the database cannot be reached: nothing works without it. With the embedded
 * database, the launcher, which restarts it when it stops unexpectedly, says what happened: a
 * {@code Supplier<Map<String, String>>} with the service property {@code vitrine.embedded.database=state} (the launcher
 * shares only {@code java.*} types with the bundles), empty while all is well, else with {@code status} ({@code DOWN}
 * while the server is being restarted, {@code UP} once it runs again) and {@code detail}.
 */
@Component(property = HealthContributor.MODULE + "=store-mariadb")
public class DatabaseHealth implements HealthContributor {

    private final Database database;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            target = "(vitrine.embedded.database=state)")
    private volatile Supplier<Map<String, String>> embeddedState;

    @Activate
    public DatabaseHealth(@Reference Database database) {
        this.database = database;
    }

    @Override
    public HealthCheck check() {
        Supplier<Map<String, String>> supervisor = embeddedState;
        Map<String, String> state = supervisor == null ? Map.of() : supervisor.get();
        String event = state.get("detail");
        if ("DOWN".equals(state.get("status"))) {
            // known to be down: no need to wait for the pool to find out
            return HealthCheck.down("database", event);
        }
        String problem = database.ping();
        if (problem != null) {
            return HealthCheck.down("database", event == null ? problem : event + " (" + problem + ")");
        }
        String detail = "schema version " + database.schemaVersion();
        return new HealthCheck("database", HealthStatus.UP, event == null ? detail : detail + "; " + event);
    }
}
