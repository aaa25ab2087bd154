package org.vitrine.it.onshape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Planned faults and pacing: 429 with Retry-After, 5xx, latency, stalls, a rate limit, and the counters.
 * One fake serves the whole class, registered as an extension: it clears faults and recordings after each test.
 */
@Timeout(60)
class FakeOnshapeFaultsTest {

    @RegisterExtension
    static final FakeOnshape onshape = FakeOnshape.start();

    private final OnshapeHttp http = new OnshapeHttp(onshape);
    private final String token = onshape.grantAccessToken();

    @Test
    void planned_429s_carry_retry_after_and_are_counted() {
        onshape.faults().tooManyRequests(2, 450);

        for (int i = 0; i < 2; i++) {
            HttpResponse<String> refused = http.get("/users/sessioninfo", token);
            assertEquals(429, refused.statusCode());
            assertEquals("450", refused.headers().firstValue("Retry-After").orElseThrow());
            assertEquals(429, OnshapeHttp.json(refused).path("status").asInt());
        }
        assertEquals(200, http.get("/users/sessioninfo", token).statusCode());
        assertEquals(2, onshape.tooManyRequestsSent());
        assertEquals(3, onshape.apiCalls());
    }

    @Test
    void a_fault_can_be_limited_to_a_path_prefix() {
        String did = onshape.addDocument(FakeDocument.named("Bracket"));
        String wid = onshape.document(did).defaultWorkspace().id();
        onshape.faults().tooManyRequests(1, 5623, "/thumbnails");

        assertEquals(200, http.get("/documents/" + did, token).statusCode());
        HttpResponse<byte[]> thumbnail = http.image("/thumbnails/d/" + did + "/w/" + wid + "/s/70x40", token);
        assertEquals(429, thumbnail.statusCode());
        assertEquals("5623", thumbnail.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(200, http.image("/thumbnails/d/" + did + "/w/" + wid + "/s/70x40", token).statusCode());
    }

    @Test
    void server_errors_come_as_json_500_or_a_gateways_html_502() {
        onshape.faults().serverErrors(1, 500).serverErrors(1, 502);

        HttpResponse<String> internal = http.get("/users/sessioninfo", token);
        assertEquals(500, internal.statusCode());
        assertEquals(500, OnshapeHttp.json(internal).path("status").asInt());
        HttpResponse<String> gateway = http.get("/users/sessioninfo", token);
        assertEquals(502, gateway.statusCode());
        assertTrue(gateway.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(gateway.body().contains("502 Bad Gateway"));
        assertEquals(200, http.get("/users/sessioninfo", token).statusCode());
    }

    @Test
    void latency_delays_every_call() {
        onshape.faults().latency(Duration.ofMillis(300));
        long started = System.nanoTime();
        http.get("/users/sessioninfo", token);
        http.get("/users/sessioninfo", token);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis >= 600, millis + " ms");
    }

    @Test
    void a_stalled_answer_makes_the_client_time_out() throws Exception {
        onshape.faults().stall(1, Duration.ofSeconds(5));
        long started = System.nanoTime();
        assertThrows(HttpTimeoutException.class,
                () -> http.get("/users/sessioninfo", token, Duration.ofMillis(500)));
        assertTrue((System.nanoTime() - started) / 1_000_000 < 3000, "the client gave up, not the fake");
        assertEquals(200, http.get("/users/sessioninfo", token, Duration.ofSeconds(5)).statusCode());
    }

    @Test
    void beyond_the_rate_limit_the_answer_is_429_with_retry_after() {
        onshape.faults().rateLimit(5);
        List<Integer> statuses = new ArrayList<>();
        List<Integer> remaining = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            HttpResponse<String> response = http.get("/users/sessioninfo", token);
            statuses.add(response.statusCode());
            remaining.add(Integer.valueOf(response.headers().firstValue("X-Rate-Limit-Remaining").orElseThrow()));
            if (response.statusCode() == 429) {
                assertTrue(Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow()) >= 1);
            }
        }
        assertEquals(List.of(200, 200, 200, 200, 200), statuses.subList(0, 5), statuses.toString());
        assertTrue(statuses.subList(5, 8).contains(429), statuses.toString());
        assertTrue(remaining.get(0) < 5, remaining.toString());
        for (int i = 0; i < statuses.size(); i++) {
            assertTrue(statuses.get(i) != 429 || remaining.get(i) == 0, remaining.toString());
        }
        assertTrue(onshape.tooManyRequestsSent() >= 1);
    }

    @Test
    void every_answer_says_how_many_calls_remain() {
        HttpResponse<String> ok = http.get("/users/sessioninfo", token);
        HttpResponse<String> unauthorized = http.get("/users/sessioninfo", "expired");
        for (HttpResponse<String> response : List.of(ok, unauthorized)) {
            assertTrue(response.headers().firstValue("X-Rate-Limit-Remaining").isPresent(), response.toString());
        }
        JsonNode error = OnshapeHttp.json(unauthorized);
        assertEquals(401, error.path("status").asInt());
        assertEquals(2, onshape.apiCallsPerPath().get("/api/v16/users/sessioninfo"));
    }
}
