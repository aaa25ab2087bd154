package org.vitrine.core.consent;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * What the privacy page says, from {@code config/privacy.properties} (PID {@value PrivacyNotice#PID}, delivered
 * with the consent module that is on). Processors are listed in {@code processors} and each described by
 * {@code processor.<id>.name}, {@code .purposes} (purpose ids, comma-separated), {@code .location} and {@code .url}.
 * The same file's {@code analytics.script.url} is read by the web layer, which links the analytics script only for
 * people who allow analytics.
 */
@ObjectClassDefinition(name = "Vitrine privacy notice", description = "What GET /api/privacy shows")
@interface PrivacySettings {

    @AttributeDefinition(name = "Controller", description = "The organisation responsible for the personal data")
    String controller_name() default "";

    @AttributeDefinition(name = "Contact e-mail", description = "Where people send privacy questions and requests")
    String contact_email() default "";

    @AttributeDefinition(name = "Data region", description = "Where the server and its database run, e.g. 'EU (Germany)'")
    String data_region() default "";

    @AttributeDefinition(name = "Consent record retention (years)", description = "How long consent decisions are kept as proof")
    int retention_consent_years() default 5;

    @AttributeDefinition(name = "Processors", description = "Ids of third parties that process personal data, comma-separated")
    String processors() default "";
}
