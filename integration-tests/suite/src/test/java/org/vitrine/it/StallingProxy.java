package org.vitrine.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on 127.0.0.1 in front of an HTTP server (the fake Onshape), one exchange per connection, that can be
 * told to stall the answers to chosen paths as a broken server or middlebox does: it forwards the status line, the
 * headers and the first bytes of the body, then goes silent, holding the connection open until the client gives up
 * and closes it. Every request is recorded with the number of stalled exchanges open when it arrived.
 */
final class StallingProxy implements AutoCloseable {

    /** Body bytes forwarded before the silence. */
    static final int BODY_BYTES_BEFORE_STALL = 8;

    /** A request that reached the proxy, and how many stalled exchanges were open at that moment. */
    record Arrival(String path, long at, int stallsOpen) {
    }

    /** An answer that was stalled: when its silence began and when the client closed the connection (0: still open). */
    static final class Stall {
        final String path;
        final long openedAt = System.nanoTime();
        volatile long closedAt;

        Stall(String path) {
            this.path = path;
        }

        boolean open() {
            return closedAt == 0;
        }
    }

    private static final AtomicInteger THREADS = new AtomicInteger();
    private final URI upstream;
    private final ServerSocket server;
    private final Set<String> stalled = ConcurrentHashMap.newKeySet();
    private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
    private final List<Stall> stalls = new CopyOnWriteArrayList<>();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

    private StallingProxy(URI upstream) throws IOException {
        this.upstream = upstream;
        this.server = new ServerSocket(0, 64, InetAddress.getByName("127.0.0.1"));
        thread(this::accept).start();
    }

    /** A proxy to {@code http://host:port} of the upstream. */
    static StallingProxy to(URI upstream) throws IOException {
        return new StallingProxy(upstream);
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** From now on, answers to paths containing this text (e.g. a document id) stall. */
    void stallPathsContaining(String text) {
        stalled.add(text);
    }

    /** Answers flow again (stalls already under way stay silent until their client gives up). */
    void stallNothing() {
        stalled.clear();
    }

    List<Arrival> arrivals() {
        return List.copyOf(arrivals);
    }

    /** The stalled exchanges whose path contains the text, oldest first. */
    List<Stall> stallsOf(String text) {
        return stalls.stream().filter(s -> s.path.contains(text)).toList();
    }

    int stallsOpen() {
        return (int) stalls.stream().filter(Stall::open).count();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                thread(() -> exchange(client)).start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void exchange(Socket client) {
        Socket origin = null;
        try (client) {
            origin = new Socket(upstream.getHost(), upstream.getPort());
            sockets.add(origin);
            InputStream fromClient = client.getInputStream();
            byte[] requestHead = head(fromClient);
            if (requestHead == null) {
                return;
            }
            List<String> lines = new ArrayList<>(List.of(new String(requestHead, StandardCharsets.ISO_8859_1).split("\r\n")));
            String path = lines.get(0).split(" ")[1];
            boolean stall = stalled.stream().anyMatch(path::contains);
            arrivals.add(new Arrival(path, System.nanoTime(), stallsOpen()));
            long length = lines.stream().filter(l -> l.toLowerCase(Locale.ROOT).startsWith("content-length:"))
                    .mapToLong(l -> Long.parseLong(l.substring(l.indexOf(':') + 1).trim())).findFirst().orElse(0);
            OutputStream toServer = origin.getOutputStream();
            toServer.write(oneExchange(lines));
            toServer.write(fromClient.readNBytes((int) length));
            toServer.flush();

            InputStream fromServer = origin.getInputStream();
            byte[] responseHead = head(fromServer);
            if (responseHead == null) {
                return;
            }
            OutputStream toClient = client.getOutputStream();
            toClient.write(oneExchange(List.of(new String(responseHead, StandardCharsets.ISO_8859_1).split("\r\n"))));
            if (stall) {
                toClient.write(fromServer.readNBytes(BODY_BYTES_BEFORE_STALL));
                toClient.flush();
                Stall silence = new Stall(path);
                stalls.add(silence);
                try {
                    // silent: wait for the client to give up (its end of the connection closes)
                    while (fromClient.read() != -1) {
                        // a client sends nothing more on a connection that is to close
                    }
                } catch (SocketException reset) {
                    // closed by the client, abruptly
                } finally {
                    silence.closedAt = System.nanoTime();
                }
                return;
            }
            fromServer.transferTo(toClient);
            toClient.flush();
        } catch (IOException e) {
            // a client or server that went away: the exchange is over
        } finally {
            sockets.remove(client);
            if (origin != null) {
                sockets.remove(origin);
                try {
                    origin.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }
    }

    /** The head without hop-by-hop headers, asking for the connection to close after this exchange. */
    private static byte[] oneExchange(List<String> head) {
        StringBuilder out = new StringBuilder();
        for (String line : head) {
            String name = line.contains(":") ? line.substring(0, line.indexOf(':')).trim().toLowerCase(Locale.ROOT) : "";
            if (!Set.of("connection", "keep-alive", "upgrade", "http2-settings", "proxy-connection").contains(name)) {
                out.append(line).append("\r\n");
            }
        }
        return out.append("Connection: close\r\n\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The bytes up to the blank line that ends an HTTP head (without it), or null at the end of the stream. */
    private static byte[] head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b == -1) {
                return null;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        byte[] bytes = head.toByteArray();
        return java.util.Arrays.copyOf(bytes, bytes.length - end.length);
    }

    private static Thread thread(Runnable task) {
        Thread thread = new Thread(task, "stalling-proxy-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
