package org.vitrine.consent.ccpa.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The CCPA policy's version, from {@code config/privacy.properties} (PID {@value CcpaPolicy#PID}). A new version
 * with its new effective date asks everyone again.
 */
@ObjectClassDefinition(name = "Vitrine CCPA consent policy", description = "Version of the CCPA/CPRA consent policy")
@interface CcpaSettings {

    @AttributeDefinition(name = "Policy version", description = "Version of the policy's text, at most 32 characters")
    String ccpa_version() default CcpaPolicy.DEFAULT_VERSION;

    @AttributeDefinition(name = "Effective date", description = "The day this version applies from (YYYY-MM-DD)")
    String ccpa_effective_date() default CcpaPolicy.DEFAULT_EFFECTIVE_DATE;
}
