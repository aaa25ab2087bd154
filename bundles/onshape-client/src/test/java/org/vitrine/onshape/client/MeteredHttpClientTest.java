package org.vitrine.onshape.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class MeteredHttpClientTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;
    private HttpClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/slow")) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int status = path.equals("/slow") ? 200 : Integer.parseInt(path.substring(1));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        client = new MeteredHttpClient(HttpClient.newHttpClient(), "onshape", () -> registry);
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    @Test
    void every_exchange_is_counted_by_provider_and_outcome() throws Exception {
        for (String status : new String[] {"200", "204", "403", "404", "429", "503"}) {
            client.send(request("/" + status).build(), HttpResponse.BodyHandlers.discarding());
        }
        client.sendAsync(request("/500").build(), HttpResponse.BodyHandlers.discarding()).join();
        assertThrows(HttpTimeoutException.class,
                () -> client.send(request("/slow").timeout(Duration.ofMillis(200)).build(), HttpResponse.BodyHandlers.discarding()));

        assertEquals(2, count("success"));
        assertEquals(2, count("client_error"));
        assertEquals(1, count("rate_limited"));
        assertEquals(2, count("server_error"));
        assertEquals(1, count("timeout"));
    }

    @Test
    void without_a_registry_calls_go_through_uncounted() throws Exception {
        HttpClient unmetered = new MeteredHttpClient(HttpClient.newHttpClient(), "onshape", () -> null);
        assertEquals(200, unmetered.send(request("/200").build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        assertEquals(0, registry.getMeters().size());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path));
    }

    private long count(String outcome) {
        return registry.get(MeteredHttpClient.METER).tag("provider", "onshape").tag("outcome", outcome).timer().count();
    }
}
