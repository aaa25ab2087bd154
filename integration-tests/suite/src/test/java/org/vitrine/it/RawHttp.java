package org.vitrine.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for what {@code java.net.http} refuses to send: a request line exactly as written
 * ({@code //}, {@code %2e%2e}, {@code %ff}, a 20 kB URI, {@code TRACE}), a {@code Host} of one's choosing, and a
 * connection from a chosen local address ({@code 127.0.0.2} is another machine as far as Vitrine can tell, as
 * every 127.x address reaches the loopback interface).
 */
final class RawHttp {

    private final VitrineInstance vitrine;
    private final String localAddress;

    /** Requests from {@code localAddress}, e.g. {@code 127.0.0.1} or {@code 127.0.0.2}. */
    RawHttp(VitrineInstance vitrine, String localAddress) {
        this.vitrine = vitrine;
        this.localAddress = localAddress;
    }

    /**
     * Sends {@code method target} with the given header lines (each {@code Name: value}; {@code Host} and
     * {@code Connection: close} are added unless given) and the body, and reads the whole answer.
     */
    Browser.Reply send(String method, String target, List<String> headerLines, String body) throws IOException {
        StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
        if (headerLines.stream().noneMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("host:"))) {
            request.append("Host: 127.0.0.1:").append(vitrine.port).append("\r\n");
        }
        headerLines.forEach(h -> request.append(h).append("\r\n"));
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            request.append("Content-Length: ").append(content.length).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n");
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", vitrine.port), 5_000);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            return parse(method + " " + target, socket.getInputStream().readAllBytes());
        }
    }

    Browser.Reply send(String method, String target, String... headerLines) throws IOException {
        return send(method, target, List.of(headerLines), null);
    }

    private static Browser.Reply parse(String request, byte[] raw) throws IOException {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("no complete answer to " + request + ": " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new ArrayList<>()).add(lines[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if (headers.getOrDefault("Transfer-Encoding", List.of()).contains("chunked")) {
            body = unchunk(body);
        }
        return new Browser.Reply(request, status, HttpHeaders.of(headers, (name, value) -> true), new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] chunked) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = new java.io.ByteArrayInputStream(chunked);
        while (true) {
            StringBuilder size = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("truncated chunked body");
                }
                size.append((char) c);
            }
            int length = Integer.parseInt(size.toString().trim().split(";")[0], 16);
            if (length == 0) {
                return out.toByteArray();
            }
            out.write(in.readNBytes(length));
            in.skipNBytes(2);
        }
    }
}
