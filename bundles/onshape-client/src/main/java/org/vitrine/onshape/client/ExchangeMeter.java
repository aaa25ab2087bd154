package org.vitrine.onshape.client;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Times every exchange with a provider into {@code vitrine_outbound_calls_seconds}, by provider, lane and outcome:
 * {@code success} (2xx), {@code redirect}, {@code rate_limited} (429), {@code client_error} (other 4xx),
 * {@code server_error} (5xx), {@code timeout} (no complete answer within the deadline), {@code connection_failure}
 * or {@code busy} (every call of the lane stayed taken for the whole deadline). Each attempt counts, retries
 * included; the time runs from the call to its end, waiting for a free call included.
 */
public final class ExchangeMeter {

    /** Counts nothing. */
    static final ExchangeMeter NONE = new ExchangeMeter("none", () -> null);
    static final String METER = "vitrine.outbound.calls";
    private static final Duration[] BUCKETS = {Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)};

    private final String provider;
    private final Supplier<MeterRegistry> meters;

    /** Records into the registry {@code meters} gives at the time of each exchange; none when it gives null. */
    public ExchangeMeter(String provider, Supplier<MeterRegistry> meters) {
        this.provider = provider;
        this.meters = meters;
    }

    void record(Lane lane, OnshapeTransport.Outcome outcome, int status, long nanos) {
        MeterRegistry registry = meters.get();
        if (registry != null) {
            Timer.builder(METER)
                    .description("Calls to providers (each attempt), by provider, lane and outcome")
                    .tag("provider", provider)
                    .tag("lane", lane.name().toLowerCase(Locale.ROOT))
                    .tag("outcome", outcome(outcome, status))
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry)
                    .record(Duration.ofNanos(nanos));
        }
    }

    static String outcome(OnshapeTransport.Outcome outcome, int status) {
        return switch (outcome) {
            case SUCCESS -> "success";
            case TIMEOUT -> "timeout";
            case CONNECTION_FAILURE -> "connection_failure";
            case BUSY -> "busy";
            case HTTP_STATUS -> status == 429 ? "rate_limited" : switch (status / 100) {
                case 2 -> "success";
                case 3 -> "redirect";
                case 4 -> "client_error";
                default -> "server_error";
            };
        };
    }
}
