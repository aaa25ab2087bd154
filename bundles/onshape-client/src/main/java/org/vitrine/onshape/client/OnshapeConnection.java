package org.vitrine.onshape.client;

import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Everything a module needs to talk to Onshape, built from {@code config/onshape.properties}: the settings, the
 * OAuth client and the API client for each {@link Lane}, sharing one {@link OnshapeTransport}. A settings change
 * builds a new connection.
 */
public record OnshapeConnection(OnshapeConfig config, OnshapeOAuth oauth, OnshapeApi interactive, OnshapeApi background,
                                Clock clock) {

    public static OnshapeConnection from(Map<String, ?> properties, String publicUrl) {
        return from(properties, publicUrl, () -> null);
    }

    /** A connection whose every exchange with Onshape is counted in the registry {@code meters} gives at the time, if any. */
    public static OnshapeConnection from(Map<String, ?> properties, String publicUrl, Supplier<MeterRegistry> meters) {
        OnshapeConfig config = OnshapeConfig.from(properties, publicUrl);
        Clock clock = Clock.systemUTC();
        OnshapeTransport transport = new OnshapeTransport(config, new ExchangeMeter(OnshapeOAuth.PROVIDER, meters));
        return new OnshapeConnection(config, new OnshapeOAuth(config, transport, clock),
                new OnshapeApi(config, transport, Lane.INTERACTIVE), new OnshapeApi(config, transport, Lane.BACKGROUND), clock);
    }

    /** The API client for calls of that lane. */
    public OnshapeApi api(Lane lane) {
        return lane == Lane.BACKGROUND ? background : interactive;
    }
}
