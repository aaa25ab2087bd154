package org.vitrine.onshape.client;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Everything a module needs to talk to Onshape, built from {@code config/onshape.properties}: the settings, the
 * OAuth client and the API client, sharing one HTTP client. A settings change builds a new connection.
 */
public record OnshapeConnection(OnshapeConfig config, OnshapeOAuth oauth, OnshapeApi api, Clock clock) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public static OnshapeConnection from(Map<String, ?> properties, String publicUrl) {
        OnshapeConfig config = OnshapeConfig.from(properties, publicUrl);
        Clock clock = Clock.systemUTC();
        return new OnshapeConnection(config, new OnshapeOAuth(config, HTTP, clock), new OnshapeApi(config, HTTP), clock);
    }
}
