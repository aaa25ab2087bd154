package org.vitrine.web.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The analytics processor's script, from {@code config/privacy.properties} (PID {@value AnalyticsScript#PID}, delivered
 * with the consent module that is on). Empty: no analytics at all. List the processor in {@code processors} too, so
 * the privacy page names it.
 */
@ObjectClassDefinition(name = "Vitrine analytics", description = "The analytics script served to people who allow analytics")
@interface AnalyticsSettings {

    @AttributeDefinition(name = "Analytics script URL",
            description = "An https address (http only for localhost) of the analytics processor's script, e.g. "
                    + "https://analytics.example.org/matomo.js; its origin is added to the Content-Security-Policy")
    String analytics_script_url() default "";
}
