package org.vitrine.core.accounts;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Account settings, from {@code config/platform.properties} (the platform's settings, delivered to the PID
 * {@value EmailVerification#PID}); they apply while Vitrine runs.
 */
@ObjectClassDefinition(name = "Vitrine accounts", description = "E-mail verification of accounts")
@interface AccountSettings {

    @AttributeDefinition(name = "Unverified accounts may publish",
            description = "Whether an account whose e-mail address is not verified may import documents and change their licence")
    boolean accounts_unverified_may_publish() default false;

    @AttributeDefinition(name = "Verification link lifetime (hours)",
            description = "How long a link that verifies an address (also a new address) works")
    int accounts_verify_link_hours() default 24;
}
