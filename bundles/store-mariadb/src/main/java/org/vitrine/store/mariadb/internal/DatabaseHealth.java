package org.vitrine.store.mariadb.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vitrine.api.health.HealthCheck;
import org.vitrine.api.health.HealthContributor;
import org.vitrine.api.health.HealthStatus;

/** Reports the metadata store DOWN while the database cannot be reached: nothing works without it. */
@Component(property = HealthContributor.MODULE + "=store-mariadb")
public class DatabaseHealth implements HealthContributor {

    private final Database database;

    @Activate
    public DatabaseHealth(@Reference Database database) {
        this.database = database;
    }

    @Override
    public HealthCheck check() {
        String problem = database.ping();
        if (problem != null) {
            return HealthCheck.down("database", problem);
        }
        return new HealthCheck("database", HealthStatus.UP, "schema version " + database.schemaVersion());
    }
}
