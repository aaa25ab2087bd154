package org.vitrine.it.onshape;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

/** An answer the fake is about to send: built by the endpoints, checked by the contract, written once. */
record Reply(int status, String contentType, Map<String, String> headers, byte[] body) {

    /** What Onshape's REST API declares for its JSON (the {@code qs} parameter of the spec is not sent). */
    static final String JSON = "application/json;charset=UTF-8";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    Reply {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    static Reply json(int status, JsonNode body) {
        try {
            return new Reply(status, JSON, Map.of(), MAPPER.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Onshape's error body: {@code {"message": .., "status": 4xx, "code": 0, "moreInfoUrl": ""}}. */
    static Reply error(int status, String message) {
        return json(status, MAPPER.createObjectNode()
                .put("message", message).put("status", status).put("code", 0).put("moreInfoUrl", ""));
    }

    /** What a gateway in front of Onshape answers when the service behind it fails. */
    static Reply badGateway() {
        String html = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
                + "<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n";
        return new Reply(502, "text/html", Map.of(), html.getBytes(StandardCharsets.UTF_8));
    }

    static Reply png(byte[] image) {
        return new Reply(200, "image/png", Map.of("Cache-Control", "private, max-age=3600"), image);
    }

    static Reply redirect(String location) {
        return new Reply(302, null, Map.of("Location", location), new byte[0]);
    }

    static Reply text(int status, String text) {
        return new Reply(status, "text/plain;charset=UTF-8", Map.of(), text.getBytes(StandardCharsets.UTF_8));
    }

    Reply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Reply(status, contentType, more, body);
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    void sendTo(HttpExchange exchange) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }
}
