package org.vitrine.core.licences;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vitrine.api.health.HealthCheck;
import org.vitrine.api.health.HealthContributor;
import org.vitrine.api.health.HealthStatus;

/**
 * The licences documents may have (the SPDX list) and the one a new document gets. A default that is not an
 * SPDX id is reported in the log and in {@code GET /api/health} (DEGRADED, naming the file, key and value), and
 * new documents get {@value #FALLBACK} until it is fixed; nothing else stops.
 */
@Component(service = {Licences.class, HealthContributor.class}, configurationPid = Licences.PID,
        property = HealthContributor.MODULE + "=platform")
@Designate(ocd = CatalogSettings.class)
public class Licences implements HealthContributor {

    /** The platform's settings ({@code config/platform.properties}). */
    static final String PID = "org.vitrine.web";
    static final String FALLBACK = "CC-BY-4.0";
    private static final Logger LOG = LoggerFactory.getLogger(Licences.class);

    private final SpdxLicences spdx = SpdxLicences.shipped();
    private volatile String defaultLicence = FALLBACK;
    private volatile String problem;

    @Activate
    public Licences(CatalogSettings settings) {
        apply(settings);
    }

    @Modified
    void modified(CatalogSettings settings) {
        apply(settings);
    }

    private void apply(CatalogSettings settings) {
        String configured = settings.catalog_default_licence();
        String found = spdx.find(configured).orElse(null);
        if (found == null) {
            String reason = "config/platform.properties: catalog.default.licence = '" + configured
                    + "' is not an SPDX licence id (see GET /api/licences); new documents get " + FALLBACK + " until it is fixed";
            if (!reason.equals(problem)) {
                LOG.error(reason);
            }
            problem = reason;
            defaultLicence = FALLBACK;
        } else {
            problem = null;
            defaultLicence = found;
        }
    }

    /** The licence a newly imported document gets. */
    public String defaultLicence() {
        return defaultLicence;
    }

    public SpdxLicences spdx() {
        return spdx;
    }

    @Override
    public HealthCheck check() {
        String current = problem;
        return current == null ? HealthCheck.up("catalog-settings") : new HealthCheck("catalog-settings", HealthStatus.DEGRADED, current);
    }
}
