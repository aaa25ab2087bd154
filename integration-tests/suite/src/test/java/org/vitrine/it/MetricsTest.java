package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vitrine.it.onshape.FakeOnshape;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code /metrics} and the health of the blob store: the meters are closed like the admin API (no address variant
 * opens them), served in Prometheus' text format to admins and the operations token, and count what happened —
 * requests by route template exactly, an import's jobs and items by state as the database has them, every call to
 * Onshape by outcome, the database pool, the HTTP threads, the blob disk, the JVM. Health names the blob store's module while its folder refuses
 * writes or its disk runs short of the configured free space, in plain words, and is UP again once fixed.
 */
@Timeout(300)
class MetricsTest {

    private static final String PASSWORD = "seven copper kettles sing";
    private static final Duration SAMPLED = Duration.ofSeconds(30);

    @RegisterExtension
    static final FakeOnshape onshape = FakeOnshape.start();
    private static VitrineInstance vitrine;
    private static Browser designer;

    @BeforeAll
    static void start() throws Exception {
        vitrine = OnshapeSignInFlow.connect(VitrineInstance.fresh("metrics").generousSignInLimits(), onshape).start();
        designer = new Browser(vitrine);
        OnshapeSignInFlow.signIn(vitrine, designer, null);
    }

    @AfterAll
    static void stop() throws Exception {
        if (vitrine != null) {
            vitrine.close();
        }
    }

    @Test
    void metrics_are_refused_to_visitors_and_to_signed_in_people_without_the_admin_role() throws Exception {
        Browser.Reply visitor = new Browser(vitrine).get("/metrics");
        Problems.assertProblem(visitor, 401, "admin role");
        assertTrue(visitor.header("WWW-Authenticate").orElse("").startsWith("Bearer"), visitor.headers().toString());
        HttpResponse<String> wrongToken = vitrine.send(HttpRequest.newBuilder(vitrine.uri("/metrics")), vitrine.token + "x");
        assertEquals(401, wrongToken.statusCode(), wrongToken.body());

        Problems.assertProblem(designer.get("/metrics"), 403, "admin role");
        Problems.assertProblem(Staff.signedIn(vitrine, "moderator", PASSWORD, "moderator").get("/metrics"), 403, "admin role");
        assertTrue(Rows.count(vitrine, "SELECT COUNT(*) FROM audit_events WHERE action = 'access.refuse' AND target = 'GET /metrics'") >= 2,
                "refusals to signed-in people are audited");

        RawHttp raw = new RawHttp(vitrine, "127.0.0.1");
        for (String target : List.of("/metrics", "/metrics;x", "/metrics;jsessionid=1", "/metrics%3Bx", "/metrics/", "/metrics//",
                "/metrics%2F", "/%2Fmetrics", "/%6Detrics", "/METRICS", "/Metrics", "//metrics", "/./metrics", "/x/../metrics",
                "/x/%2E%2E/metrics", "/metrics?format=openmetrics", "/metrics.txt", "/metrics/x", "/api/../metrics", "/api/metrics")) {
            for (String method : List.of("GET", "HEAD")) {
                Browser.Reply reply = raw.send(method, target);
                assertTrue(reply.status() >= 400, method + " " + target + " -> " + reply.status());
                assertFalse(reply.body().contains("jvm_") || reply.body().contains("# TYPE"), method + " " + target + " -> " + reply);
            }
        }
        Browser.Reply designerRaw = raw.send("GET", "/metrics;x", "Cookie: " + Browser.SESSION_COOKIE + "=" + designer.sessionCookie());
        assertEquals(403, designerRaw.status(), designerRaw.toString());
    }

    @Test
    void admins_and_the_operations_token_get_every_meter_in_prometheus_text_format() throws Exception {
        HttpResponse<String> byToken = vitrine.getAsAdmin("/metrics");

        assertEquals(200, byToken.statusCode(), byToken.body());
        assertTrue(byToken.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"), byToken.headers().toString());
        assertEquals("no-store", byToken.headers().firstValue("Cache-Control").orElse(""));
        PrometheusText text = new PrometheusText(byToken.body());
        assertTrue(text.sum("jvm_memory_used_bytes", "area", "heap") > 0, "heap in use");
        assertTrue(text.value("jvm_threads_live_threads") > 10, "live threads");
        assertTrue(text.value("process_uptime_seconds") > 0);
        assertFalse(text.find("jvm_gc_memory_allocated_bytes_total").isEmpty(), "garbage collection");
        assertTrue(text.text.contains("# TYPE http_server_requests_seconds histogram"), "request latency as a histogram");
        assertTrue(text.value("jetty_threads_busy") >= 1, "the thread answering this scrape");
        assertTrue(text.value("jetty_threads_max") >= text.value("jetty_threads_current"));
        assertTrue(text.value("jetty_queued_jobs") >= 0);
        assertTrue(text.value("vitrine_blobs_disk_free_bytes") > 0);
        assertTrue(text.value("vitrine_blobs_disk_total_bytes") >= text.value("vitrine_blobs_disk_free_bytes"));

        Browser admin = Staff.signedIn(vitrine, "operator", PASSWORD, "admin");
        Browser.Reply bySession = admin.get("/metrics");
        assertEquals(200, bySession.status(), bySession.toString());
        assertFalse(new PrometheusText(bySession.body()).find("jvm_classes_loaded_classes").isEmpty());

        HttpResponse<String> openMetrics = vitrine.send(HttpRequest.newBuilder(vitrine.uri("/metrics"))
                .header("Accept", "application/openmetrics-text; version=1.0.0"), vitrine.token);
        assertEquals(200, openMetrics.statusCode());
        assertTrue(openMetrics.headers().firstValue("Content-Type").orElse("").startsWith("application/openmetrics-text"));
        assertTrue(openMetrics.body().endsWith("# EOF\n"), "an OpenMetrics exposition ends with # EOF");
    }

    @Test
    void requests_are_counted_by_route_template_method_and_status_never_by_raw_path() throws Exception {
        String route = "/api/documents/{id}";
        double before = scrape().sum("http_server_requests_seconds_count", "method", "GET", "route", route, "status", "404");
        for (int i = 0; i < 5; i++) {
            Problems.assertProblem(new Browser(vitrine).get("/api/documents/98765" + i), 404, "");
        }
        for (int i = 0; i < 2; i++) {
            assertEquals(404, new Browser(vitrine).get("/api/no-such-endpoint-" + i).status());
        }

        PrometheusText after = scrape();

        assertEquals(before + 5, after.sum("http_server_requests_seconds_count", "method", "GET", "route", route, "status", "404"));
        assertEquals(after.sum("http_server_requests_seconds_count", "route", route),
                after.sum("http_server_requests_seconds_bucket", "route", route, "le", "+Inf"), "every request falls in the +Inf bucket");
        assertTrue(after.sum("http_server_requests_seconds_count", "route", "/api/*", "status", "404") >= 2, "unmatched API addresses");
        assertTrue(after.sum("http_server_requests_seconds_count", "route", "/api/health", "status", "200") >= 1, "the launcher's readiness probes");
        List<String> routes = after.find("http_server_requests_seconds_count").stream().map(s -> s.labels().get("route")).distinct().toList();
        assertTrue(routes.stream().noneMatch(r -> r.contains("98765") || r.contains("no-such-endpoint")), routes.toString());
    }

    @Test
    void an_import_shows_in_the_import_outbound_call_and_pool_meters() throws Exception {
        List<String> ids = onshape.seedDocuments(3);
        onshape.refuseAccess(ids.get(2), true);
        PrometheusText before = scrape();
        onshape.forgetRequests();

        JsonNode finished = ImportJobs.awaitCompleted(designer, ImportJobs.importDocuments(designer, ids));
        int callsOnshapeSaw = onshape.requests().size();
        PrometheusText after = scrape();

        assertEquals(2, finished.path("done").asInt(), finished.toString());
        assertEquals(1, finished.path("failed").asInt(), finished.toString());
        assertEquals(callsOnshapeSaw, delta(before, after, "vitrine_outbound_calls_seconds_count", "provider", "onshape"), 0.0,
                "every call Onshape received is counted once");
        assertTrue(delta(before, after, "vitrine_outbound_calls_seconds_count", "provider", "onshape", "outcome", "success") >= 2);
        assertTrue(delta(before, after, "vitrine_outbound_calls_seconds_count", "provider", "onshape", "outcome", "client_error") >= 1,
                "the document Onshape refused (403)");

        VitrineInstance.await("import meters that match the database", SAMPLED, () -> importMetersMatchTheDatabase());
        PrometheusText sampled = scrape();
        assertTrue(sampled.value("vitrine_import_items", "state", "done") >= 2, sampled.find("vitrine_import_items").toString());
        assertTrue(sampled.value("vitrine_import_items", "state", "failed") >= 1);
        assertTrue(sampled.value("vitrine_import_jobs", "state", "completed") >= 1);

        assertEquals(10, sampled.value("hikaricp_connections_max", "pool", "vitrine"), "pool.size");
        assertTrue(sampled.value("hikaricp_connections_acquire_seconds_count", "pool", "vitrine") > 0, "waits for a connection");
        assertEquals(0, sampled.value("hikaricp_connections_timeout_total", "pool", "vitrine"));
        assertTrue(sampled.value("hikaricp_connections", "pool", "vitrine") >= 1);
        assertFalse(sampled.find("hikaricp_connections_pending", "pool", "vitrine").isEmpty());
        VitrineInstance.await("the database's health meter to be UP", SAMPLED, () -> meter("vitrine_health_check_status",
                "check", "database", "module", "store-mariadb", "status", "UP") == 1);
        assertEquals(1, scrape().value("vitrine_module_state", "module", "cad-onshape", "state", "enabled"));
    }

    @Test
    void health_names_the_blob_store_module_while_its_folder_refuses_writes_and_is_up_again_once_fixed() throws Exception {
        try (UnwritableBlobs ignored = UnwritableBlobs.of(vitrine)) {
            JsonNode blobs = awaitBlobs("DEGRADED");
            assertEquals("blobs-fs", blobs.path("module").asText(), blobs.toString());
            assertTrue(blobs.path("detail").asText().contains("refuses writes"), blobs.toString());
            assertPlain(blobs.path("detail").asText());
            awaitMeter("DEGRADED");
            assertEquals(1, scrape().value("vitrine_health_status", "status", "DEGRADED"));
        }
        awaitBlobs("UP");
        awaitMeter("UP");
    }

    @Test
    void health_names_the_blob_store_module_when_its_disk_has_less_free_space_than_the_setting() throws Exception {
        vitrine.setting("blobs-fs.properties", "health.free.space.min.mb", "999999999");
        try {
            JsonNode blobs = awaitBlobs("DEGRADED");
            assertEquals("blobs-fs", blobs.path("module").asText(), blobs.toString());
            String detail = blobs.path("detail").asText();
            assertTrue(detail.contains("MB free") && detail.contains("health.free.space.min.mb"), detail);
            assertPlain(detail);
            awaitMeter("DEGRADED");
        } finally {
            vitrine.setting("blobs-fs.properties", "health.free.space.min.mb", "1024");
        }
        assertTrue(awaitBlobs("UP").path("detail").asText().endsWith("MB free"));
        awaitMeter("UP");
    }

    private static PrometheusText scrape() throws Exception {
        HttpResponse<String> response = vitrine.getAsAdmin("/metrics");
        assertEquals(200, response.statusCode(), response.body());
        return new PrometheusText(response.body());
    }

    private static double delta(PrometheusText before, PrometheusText after, String name, String... labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }

    private static boolean importMetersMatchTheDatabase() {
        try {
            PrometheusText text = scrape();
            for (String state : List.of("pending", "running", "done", "failed")) {
                if (text.value("vitrine_import_items", "state", state)
                        != Rows.count(vitrine, "SELECT COUNT(*) FROM import_job_items WHERE state = ?", state)) {
                    return false;
                }
            }
            for (String state : List.of("queued", "running", "paused", "completed", "failed")) {
                if (text.value("vitrine_import_jobs", "state", state) != Rows.count(vitrine, "SELECT COUNT(*) FROM import_jobs WHERE state = ?", state)) {
                    return false;
                }
            }
            return true;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Waits until health reports the blob store in that status; returns its check. */
    private static JsonNode awaitBlobs(String status) throws Exception {
        JsonNode[] found = new JsonNode[1];
        VitrineInstance.await("the blob store's health to be " + status, SAMPLED, () -> {
            try {
                HttpResponse<String> health = vitrine.get("/api/health");
                assertFalse(health.body().contains(vitrine.home.toString()), health.body());
                JsonNode report = VitrineInstance.JSON.readTree(health.body());
                for (JsonNode check : report.path("checks")) {
                    if (check.path("id").asText().equals("blobs") && check.path("status").asText().equals(status)) {
                        assertEquals(200, health.statusCode(), "the rest keeps serving: " + health.body());
                        assertEquals(status.equals("UP") ? "UP" : "DEGRADED", report.path("status").asText(), health.body());
                        found[0] = check;
                        return true;
                    }
                }
                return false;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        return found[0];
    }

    private static void awaitMeter(String status) throws Exception {
        VitrineInstance.await("vitrine_health_check_status of the blob store to be " + status, SAMPLED,
                () -> meter("vitrine_health_check_status", "check", "blobs", "module", "blobs-fs", "status", status) == 1);
    }

    /** The value of one series in a scrape now; health and import meters are sampled every few seconds. */
    private static double meter(String name, String... labels) {
        try {
            return scrape().value(name, labels);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void assertPlain(String detail) {
        assertFalse(detail.contains("/") || detail.contains("Exception") || detail.contains(vitrine.home.toString())
                || detail.contains("data"), "no server path or exception text: " + detail);
    }
}
