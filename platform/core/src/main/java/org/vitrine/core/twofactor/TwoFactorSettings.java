package org.vitrine.core.twofactor;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Two-factor settings, from {@code config/platform.properties} (the accounts' PID); they apply while Vitrine runs. */
@ObjectClassDefinition(name = "Vitrine two-factor authentication")
@interface TwoFactorSettings {

    @AttributeDefinition(name = "Authenticator issuer", description = "The name authenticator apps show beside the account")
    String accounts_totp_issuer() default "Vitrine";
}
