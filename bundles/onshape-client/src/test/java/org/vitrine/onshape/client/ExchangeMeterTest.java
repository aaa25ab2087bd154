package org.vitrine.onshape.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.sun.net.httpserver.HttpServer;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

@Timeout(30)
class ExchangeMeterTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private HttpServer server;
    private OnshapeTransport transport;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(Integer.parseInt(exchange.getRequestURI().getPath().substring(1)), -1);
            exchange.close();
        });
        server.start();
        transport = new OnshapeTransport(OnshapeConfig.from(Map.of("timeout.seconds", "3"), null),
                new ExchangeMeter("onshape", () -> registry));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void every_exchange_is_counted_by_lane_and_outcome() throws Exception {
        for (String status : new String[] {"200", "204", "302", "403", "404", "429", "500", "503"}) {
            transport.exchange(transport.request(uri(server.getAddress().getPort(), "/" + status)).build(), Lane.BACKGROUND);
        }
        int closed;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = free.getLocalPort();
        }
        assertThrows(OnshapeTransport.CallFailed.class,
                () -> transport.exchange(transport.request(uri(closed, "/200")).build(), Lane.INTERACTIVE));

        assertEquals(2, count("background", "success"));
        assertEquals(1, count("background", "redirect"));
        assertEquals(2, count("background", "client_error"));
        assertEquals(1, count("background", "rate_limited"));
        assertEquals(2, count("background", "server_error"));
        assertEquals(1, count("interactive", "connection_failure"));
    }

    @Test
    void without_a_registry_exchanges_go_through_uncounted() throws Exception {
        OnshapeTransport unmetered = new OnshapeTransport(OnshapeConfig.from(Map.of(), null), new ExchangeMeter("onshape", () -> null));
        assertEquals(200, unmetered.exchange(unmetered.request(uri(server.getAddress().getPort(), "/200")).build(), Lane.SIGN_IN).statusCode());
        assertEquals(0, registry.getMeters().size());
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private long count(String lane, String outcome) {
        return registry.get(ExchangeMeter.METER).tag("provider", "onshape").tag("lane", lane).tag("outcome", outcome).timer().count();
    }
}
