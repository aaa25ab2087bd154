package org.vitrine.onshape.client;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The settings of {@code config/onshape.properties}, declared for the components that read them
 * ({@code @Designate(ocd = OnshapeSettings.class)}): the platform checks the file against these types before it
 * delivers it. {@link OnshapeConfig#from} reads the values.
 */
@ObjectClassDefinition(name = "Onshape", description = "Where Onshape is and who Vitrine is to it")
public @interface OnshapeSettings {

    @AttributeDefinition(name = "API address", required = false, description = "Default https://cad.onshape.com")
    String api_url();

    @AttributeDefinition(name = "OAuth address", required = false, description = "Default https://oauth.onshape.com")
    String oauth_url();

    @AttributeDefinition(name = "OAuth client id", required = false)
    String client_id();

    @AttributeDefinition(name = "OAuth client secret", type = AttributeType.PASSWORD, required = false,
            description = "From the environment: ${env:ONSHAPE_CLIENT_SECRET}")
    String client_secret();

    @AttributeDefinition(name = "OAuth redirect address", required = false)
    String redirect_url();

    @AttributeDefinition(name = "Instance API access key", required = false)
    String api_access_key();

    @AttributeDefinition(name = "Instance API secret key", type = AttributeType.PASSWORD, required = false)
    String api_secret_key();

    @AttributeDefinition(name = "Concurrent calls", min = "1", max = "64",
            description = "Calls to Onshape at the same time for import jobs")
    int max_concurrency() default 4;

    @AttributeDefinition(name = "Concurrent interactive calls", min = "1", max = "64",
            description = "Calls to Onshape at the same time for people who wait (the import picker, the import of one "
                    + "pasted address) and, separately, for sign-in: they never queue behind import jobs")
    int interactive_concurrency() default 4;

    @AttributeDefinition(name = "Timeout", min = "1", max = "600",
            description = "Seconds one call to Onshape may take in all: connecting, the answer's headers and its whole "
                    + "body; also the longest wait for a free call")
    int timeout_seconds() default 30;

    @AttributeDefinition(name = "Attempts", min = "1", max = "10",
            description = "Tries of one call for import jobs when Onshape fails (a timeout, a server error, a network "
                    + "error), with a growing pause between them; calls for people who wait try at most twice")
    int attempts() default 5;
}
