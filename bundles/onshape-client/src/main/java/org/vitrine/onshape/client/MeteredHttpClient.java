package org.vitrine.onshape.client;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * An {@link HttpClient} that times every exchange with a provider into {@code vitrine_outbound_calls_seconds}, by
 * provider and outcome: {@code success} (2xx), {@code redirect}, {@code rate_limited} (429), {@code client_error}
 * (other 4xx), {@code server_error} (5xx), {@code timeout}, {@code error} (the connection failed) or
 * {@code cancelled}. Each attempt counts, retries included. Everything else is the wrapped client's.
 */
final class MeteredHttpClient extends HttpClient {

    static final String METER = "vitrine.outbound.calls";
    private static final Duration[] BUCKETS = {Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)};

    private final HttpClient client;
    private final String provider;
    private final Supplier<MeterRegistry> meters;

    MeteredHttpClient(HttpClient client, String provider, Supplier<MeterRegistry> meters) {
        this.client = client;
        this.provider = provider;
        this.meters = meters;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException, InterruptedException {
        long start = System.nanoTime();
        String outcome = "error";
        try {
            HttpResponse<T> response = client.send(request, handler);
            outcome = outcome(response.statusCode());
            return response;
        } catch (HttpTimeoutException e) {
            outcome = "timeout";
            throw e;
        } catch (InterruptedException e) {
            outcome = "cancelled";
            throw e;
        } finally {
            record(outcome, start);
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return metered(client.sendAsync(request, handler));
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                            HttpResponse.PushPromiseHandler<T> pushPromises) {
        return metered(client.sendAsync(request, handler, pushPromises));
    }

    /** Records the exchange when it ends; the caller keeps the client's own future, so cancelling it still works. */
    private <T> CompletableFuture<HttpResponse<T>> metered(CompletableFuture<HttpResponse<T>> exchange) {
        long start = System.nanoTime();
        exchange.whenComplete((response, failure) -> record(response != null ? outcome(response.statusCode()) : outcome(failure), start));
        return exchange;
    }

    static String outcome(int status) {
        if (status == 429) {
            return "rate_limited";
        }
        return switch (status / 100) {
            case 2 -> "success";
            case 3 -> "redirect";
            case 4 -> "client_error";
            case 5 -> "server_error";
            default -> "error";
        };
    }

    static String outcome(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof HttpTimeoutException) {
            return "timeout";
        }
        return cause instanceof CancellationException || cause instanceof InterruptedException ? "cancelled" : "error";
    }

    private void record(String outcome, long start) {
        MeterRegistry registry = meters.get();
        if (registry != null) {
            Timer.builder(METER)
                    .description("Calls to providers (each attempt), by provider and outcome")
                    .tag("provider", provider)
                    .tag("outcome", outcome)
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry)
                    .record(Duration.ofNanos(System.nanoTime() - start));
        }
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return client.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return client.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return client.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return client.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return client.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return client.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return client.authenticator();
    }

    @Override
    public Version version() {
        return client.version();
    }

    @Override
    public Optional<Executor> executor() {
        return client.executor();
    }

    @Override
    public WebSocket.Builder newWebSocketBuilder() {
        return client.newWebSocketBuilder();
    }
}
