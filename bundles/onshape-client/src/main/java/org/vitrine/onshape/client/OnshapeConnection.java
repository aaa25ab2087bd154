package org.vitrine.onshape.client;

import java.time.Clock;
import java.util.Map;

/**
 * Everything a module needs to talk to Onshape, built from {@code config/onshape.properties}: the settings, the
 * OAuth client and the API client for each {@link Lane}, sharing one {@link OnshapeTransport}. A settings change
 * builds a new connection.
 */
public record OnshapeConnection(OnshapeConfig config, OnshapeOAuth oauth, OnshapeApi interactive, OnshapeApi background,
                                Clock clock) {

    public static OnshapeConnection from(Map<String, ?> properties, String publicUrl) {
        OnshapeConfig config = OnshapeConfig.from(properties, publicUrl);
        Clock clock = Clock.systemUTC();
        OnshapeTransport transport = new OnshapeTransport(config);
        return new OnshapeConnection(config, new OnshapeOAuth(config, transport, clock),
                new OnshapeApi(config, transport, Lane.INTERACTIVE), new OnshapeApi(config, transport, Lane.BACKGROUND), clock);
    }

    /** The API client for calls of that lane. */
    public OnshapeApi api(Lane lane) {
        return lane == Lane.BACKGROUND ? background : interactive;
    }
}
