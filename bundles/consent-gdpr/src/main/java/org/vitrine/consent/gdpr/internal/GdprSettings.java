package org.vitrine.consent.gdpr.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The GDPR policy's version, from {@code config/privacy.properties} (PID {@value GdprPolicy#PID}). A new version
 * with its new effective date asks everyone again.
 */
@ObjectClassDefinition(name = "Vitrine GDPR consent policy", description = "Version of the GDPR consent policy")
@interface GdprSettings {

    @AttributeDefinition(name = "Policy version", description = "Version of the policy's text, at most 32 characters")
    String gdpr_version() default GdprPolicy.DEFAULT_VERSION;

    @AttributeDefinition(name = "Effective date", description = "The day this version applies from (YYYY-MM-DD)")
    String gdpr_effective_date() default GdprPolicy.DEFAULT_EFFECTIVE_DATE;
}
