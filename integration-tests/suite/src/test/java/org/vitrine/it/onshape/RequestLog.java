package org.vitrine.it.onshape;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.sun.net.httpserver.HttpExchange;

/** Every request the fake received, in order, with the counts tests ask about. */
final class RequestLog {

    private final List<RecordedRequest> requests = new ArrayList<>();
    private final Map<String, Integer> apiCallsPerPath = new TreeMap<>();
    private int apiCalls;
    private int tooManyRequests;

    RecordedRequest record(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).addAll(values));
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String rawQuery = exchange.getRequestURI().getRawQuery();
        RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(), rawQuery == null ? "" : rawQuery,
                FormEncoding.decode(rawQuery), headers, body, Instant.now());
        synchronized (this) {
            requests.add(request);
            if (request.isApi()) {
                apiCalls++;
                apiCallsPerPath.merge(request.path(), 1, Integer::sum);
            }
        }
        return request;
    }

    synchronized void tooManyRequestsSent() {
        tooManyRequests++;
    }

    synchronized List<RecordedRequest> all() {
        return List.copyOf(requests);
    }

    synchronized int apiCalls() {
        return apiCalls;
    }

    synchronized int tooManyRequests() {
        return tooManyRequests;
    }

    synchronized Map<String, Integer> apiCallsPerPath() {
        return Collections.unmodifiableMap(new TreeMap<>(apiCallsPerPath));
    }

    synchronized void forget() {
        requests.clear();
        apiCallsPerPath.clear();
        apiCalls = 0;
        tooManyRequests = 0;
    }
}
