package org.vitrine.onshape.client;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Everything a module needs to talk to Onshape, built from {@code config/onshape.properties}: the settings, the
 * OAuth client and the API client, sharing one HTTP client. A settings change builds a new connection.
 */
public record OnshapeConnection(OnshapeConfig config, OnshapeOAuth oauth, OnshapeApi api, Clock clock) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public static OnshapeConnection from(Map<String, ?> properties, String publicUrl) {
        return from(properties, publicUrl, () -> null);
    }

    /** A connection whose every exchange with Onshape is timed into the registry {@code meters} gives at the time, if any. */
    public static OnshapeConnection from(Map<String, ?> properties, String publicUrl, Supplier<MeterRegistry> meters) {
        OnshapeConfig config = OnshapeConfig.from(properties, publicUrl);
        Clock clock = Clock.systemUTC();
        HttpClient http = new MeteredHttpClient(HTTP, OnshapeOAuth.PROVIDER, meters);
        return new OnshapeConnection(config, new OnshapeOAuth(config, http, clock), new OnshapeApi(config, http), clock);
    }
}
