package org.vitrine.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real Jetty: a request received before the drain is answered, a new connection after it is refused. */
class HttpDrainTest {

    private final CountDownLatch slowRequestArrived = new CountDownLatch(1);
    private final CountDownLatch releaseSlowRequest = new CountDownLatch(1);
    private Server server;
    private ServerConnector connector;

    @BeforeEach
    void startServer() throws Exception {
        server = new Server();
        connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                if (request.getHttpURI().getPath().equals("/slow")) {
                    slowRequestArrived.countDown();
                    releaseSlowRequest.await(10, TimeUnit.SECONDS);
                }
                response.setStatus(200);
                response.write(true, ByteBuffer.wrap("done".getBytes(StandardCharsets.UTF_8)), callback);
                return true;
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() throws Exception {
        releaseSlowRequest.countDown();
        server.stop();
    }

    @Test
    void requests_already_received_are_answered_new_connections_are_refused_and_idle_ones_closed() throws Exception {
        int port = connector.getLocalPort();
        try (Socket idle = new Socket("127.0.0.1", port); Socket busy = new Socket("127.0.0.1", port)) {
            assertTrue(exchange(idle, "/quick").startsWith("HTTP/1.1 200"), "a keep-alive connection, now idle");
            send(busy, "/slow");
            assertTrue(slowRequestArrived.await(5, TimeUnit.SECONDS));

            CompletableFuture<Integer> drained = CompletableFuture.supplyAsync(() -> new HttpDrain(List.of(connector)).apply(Duration.ofSeconds(20)));
            awaitRefused(port);
            releaseSlowRequest.countDown();
            // read to the end of the stream: the connection closes after the answer
            String answer = readToEnd(busy);
            assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
            assertTrue(answer.endsWith("done"), answer);
            assertEquals(0, drained.get(15, TimeUnit.SECONDS), "every connection closed well within the grace period");
            assertEquals(-1, idle.getInputStream().read(), "the idle connection was closed");
        }
    }

    @Test
    void a_request_still_running_when_the_grace_period_ends_is_reported() throws Exception {
        try (Socket busy = new Socket("127.0.0.1", connector.getLocalPort())) {
            send(busy, "/slow");
            assertTrue(slowRequestArrived.await(5, TimeUnit.SECONDS));
            assertEquals(1, new HttpDrain(List.of(connector)).apply(Duration.ofMillis(300)));
        }
    }

    private static void awaitRefused(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            } catch (ConnectException refused) {
                return;
            } catch (IOException other) {
                // keep trying
            }
            Thread.sleep(20);
        }
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close(), "new connections are refused");
    }

    private static String exchange(Socket socket, String path) throws IOException {
        send(socket, path);
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // a keep-alive answer: read up to its 4-byte body
        while (!out.toString(StandardCharsets.UTF_8).endsWith("done")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            out.write(b);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void send(Socket socket, String path) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String readToEnd(Socket socket) throws IOException {
        socket.setSoTimeout(10_000);
        return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
