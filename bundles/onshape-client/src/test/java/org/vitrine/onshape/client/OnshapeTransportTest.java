package org.vitrine.onshape.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.sun.net.httpserver.HttpServer;

@Timeout(30)
class OnshapeTransportTest {

    private final CountDownLatch silence = new CountDownLatch(1);
    private final CountDownLatch stalling = new CountDownLatch(1);
    private HttpServer server;
    private OnshapeTransport transport;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/stall", exchange -> {
            // the headers and a few bytes of a 100-byte body, then nothing
            exchange.sendResponseHeaders(200, 100);
            OutputStream body = exchange.getResponseBody();
            body.write("{\"a\":".getBytes(StandardCharsets.UTF_8));
            body.flush();
            stalling.countDown();
            try {
                silence.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.createContext("/ok", exchange -> {
            byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        transport = new OnshapeTransport(OnshapeConfig.from(Map.of("timeout.seconds", "3", "max.concurrency", "1"), null));
    }

    @AfterEach
    void stop() {
        silence.countDown();
        server.stop(0);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void an_answer_that_stalls_after_its_headers_is_given_up_at_the_deadline_with_a_plain_reason() {
        OnshapeTransport.CallFailed failed = assertThrows(OnshapeTransport.CallFailed.class,
                () -> transport.exchange(transport.request(uri("/stall")).build(), Lane.BACKGROUND));

        assertEquals("Onshape did not answer completely within 3 s", failed.getMessage());
    }

    @Test
    void a_person_waiting_is_served_while_every_import_call_is_stalled() throws Exception {
        CompletableFuture<Void> background = CompletableFuture.runAsync(() -> {
            try {
                transport.exchange(transport.request(uri("/stall")).build(), Lane.BACKGROUND);
            } catch (OnshapeTransport.CallFailed expected) {
                // given up at the deadline
            }
        });
        assertTrue(stalling.await(5, TimeUnit.SECONDS));

        HttpResponse<byte[]> answer = transport.exchange(transport.request(uri("/ok")).build(), Lane.INTERACTIVE);

        assertEquals(200, answer.statusCode());
        assertFalse(background.isDone(), "the import call was still stalled");
        background.get(10, TimeUnit.SECONDS);
    }
}
