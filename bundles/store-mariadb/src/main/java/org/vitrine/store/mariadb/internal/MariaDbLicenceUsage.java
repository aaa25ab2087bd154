package org.vitrine.store.mariadb.internal;

import java.util.LinkedHashSet;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vitrine.api.documents.LicenceUsage;

/** The licences of public documents, from the licence index (see {@code LicenceMapper.xml}). */
@Component
public class MariaDbLicenceUsage implements LicenceUsage {

    private final Database database;

    @Activate
    public MariaDbLicenceUsage(@Reference Database database) {
        this.database = database;
    }

    @Override
    public Set<String> licencesInUse() {
        return new LinkedHashSet<>(MapperSessions.inSession(database, LicenceMapper.class, LicenceMapper::licencesInUse));
    }
}
