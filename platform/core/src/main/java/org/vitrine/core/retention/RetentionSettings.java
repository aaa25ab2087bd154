package org.vitrine.core.retention;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * How long client addresses are kept whole, from {@code config/platform.properties} (the platform's settings,
 * delivered to the PID {@value AddressRetention#PID}); changes apply while Vitrine runs.
 */
@ObjectClassDefinition(name = "Vitrine address retention", description = "How long client IP addresses are kept")
@interface RetentionSettings {

    @AttributeDefinition(name = "IP retention (days)", min = "1", max = "3650",
            description = "Addresses in the audit log, reports, consent records and contact messages older than this are "
                    + "shortened (IPv4 to /24, IPv6 to /48); access log archives older than this are deleted")
    int retention_ip_days() default 90;

    @AttributeDefinition(name = "Run every (hours)", min = "1", max = "24",
            description = "How often the retention job runs")
    int retention_run_hours() default 6;
}
