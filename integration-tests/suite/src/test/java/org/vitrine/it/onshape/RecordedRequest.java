package org.vitrine.it.onshape;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request as the fake Onshape received it, before it decided how to answer.
 *
 * @param path    decoded path, e.g. {@code /api/v16/documents}
 * @param query   decoded query parameters in the order received; empty when there is no query
 * @param headers header names lower-cased
 */
public record RecordedRequest(String method, String path, String rawQuery, Map<String, List<String>> query,
                              Map<String, List<String>> headers, byte[] body, Instant receivedAt) {

    public RecordedRequest {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
        body = body.clone();
    }

    /** Whether this request was addressed to the REST API (as opposed to the OAuth endpoints). */
    public boolean isApi() {
        return path.startsWith("/api/");
    }

    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public Optional<String> queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** {@code GET /api/v16/documents?limit=20}, as a person would write it in a failure message. */
    public String describe() {
        return method + " " + path + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery);
    }
}
