package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;

/** A started platform: health, schema, admin protection, guardrails, errors, headers and logs. */
@Timeout(600)
class PlatformTest {

    private static VitrineInstance vitrine;

    @BeforeAll
    static void start() throws Exception {
        vitrine = VitrineInstance.fresh("platform").start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (vitrine != null) {
            vitrine.close();
        }
    }

    @Test
    void health_is_up_and_lists_every_module_enabled() throws Exception {
        HttpResponse<String> response = vitrine.get("/api/health");
        assertEquals(200, response.statusCode());
        JsonNode health = VitrineInstance.JSON.readTree(response.body());
        assertEquals("UP", health.path("status").asText(), response.body());
        assertTrue(health.path("uptimeSeconds").canConvertToLong());
        Set<String> enabled = new HashSet<>();
        health.path("modules").forEach(m -> {
            if (m.path("state").asText().equals("enabled")) {
                enabled.add(m.path("id").asText());
            }
        });
        assertEquals(Set.of("platform", "store-mariadb", "blobs-fs", "auth-password", "consent-gdpr", "mail"), enabled, response.body());
    }

    @Test
    void the_migrations_created_the_schema_in_utf8mb4() throws Exception {
        try (Connection db = vitrine.database(); Statement s = db.createStatement()) {
            Set<String> tables = new HashSet<>();
            try (ResultSet rs = s.executeQuery("SELECT table_name, table_collation FROM information_schema.tables "
                    + "WHERE table_schema = DATABASE()")) {
                while (rs.next()) {
                    tables.add(rs.getString(1).toLowerCase());
                    if (!rs.getString(1).equalsIgnoreCase("flyway_schema_history")) {
                        assertTrue(rs.getString(2).startsWith("utf8mb4"), rs.getString(1) + " is " + rs.getString(2));
                    }
                }
            }
            for (String table : List.of("accounts", "identities", "documents", "document_elements", "document_workspaces",
                    "document_versions", "designers", "document_designers", "previews", "import_jobs", "import_job_items",
                    "consent_records", "audit_events", "reports", "deletion_requests")) {
                assertTrue(tables.contains(table), "table " + table + " is missing; found " + tables);
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1 AND version = '1'")) {
                rs.next();
                assertEquals(1, rs.getInt(1), "migration 1 is recorded as applied");
            }
        }
    }

    @Test
    void admin_endpoints_refuse_requests_without_the_right_token() throws Exception {
        HttpResponse<String> none = vitrine.get("/api/admin/modules");
        assertEquals(401, none.statusCode());
        assertEquals("application/problem+json", none.headers().firstValue("Content-Type").orElse(""));
        assertTrue(none.body().contains("VITRINE_ADMIN_TOKEN"), none.body());

        HttpResponse<String> wrong = vitrine.send(HttpRequest.newBuilder(vitrine.uri("/api/admin/modules")).GET(),
                vitrine.token + "x");
        assertEquals(401, wrong.statusCode());
        // who may call what is decided on the matched method, not on a path prefix: an address nothing answers is a
        // 404 like any other (the operations are public knowledge anyway, in GET /api/openapi.json)
        HttpResponse<String> unknownAdminPath = vitrine.get("/api/admin/anything-else");
        assertEquals(404, unknownAdminPath.statusCode(), unknownAdminPath.body());
        HttpResponse<String> switchWithout = vitrine.send(HttpRequest.newBuilder(vitrine.uri("/api/admin/modules/blobs-fs"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"enabled\":false}")), null);
        assertEquals(401, switchWithout.statusCode());

        HttpResponse<String> right = vitrine.getAsAdmin("/api/admin/modules");
        assertEquals(200, right.statusCode());
        JsonNode modules = VitrineInstance.JSON.readTree(right.body());
        assertTrue(modules.isArray() && modules.size() >= 3, right.body());
        for (JsonNode m : modules) {
            for (String field : List.of("id", "name", "description", "category", "version", "state")) {
                assertTrue(m.hasNonNull(field), field + " missing in " + m);
            }
        }
    }

    @Test
    void disabling_a_required_module_answers_409_and_changes_nothing() throws Exception {
        Path stateFile = vitrine.home.resolve("config/modules.properties");
        String before = Files.exists(stateFile) ? Files.readString(stateFile) : null;
        HttpResponse<String> refused = vitrine.putAsAdmin("/api/admin/modules/store-mariadb", "{\"enabled\": false}");
        assertEquals(409, refused.statusCode());
        assertTrue(refused.body().contains("required"), refused.body());
        assertEquals("enabled", vitrine.module("store-mariadb").path("state").asText());
        assertEquals(before, Files.exists(stateFile) ? Files.readString(stateFile) : null, "the state file is untouched");
        assertEquals(200, vitrine.get("/api/health").statusCode());
        try (Connection db = vitrine.database(); Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT actor, outcome FROM audit_events WHERE action = 'module.disable' "
                     + "AND target = 'store-mariadb' ORDER BY id DESC LIMIT 1")) {
            assertTrue(rs.next(), "the refused switch is in the audit log");
            assertEquals("ops-token", rs.getString(1));
            assertEquals("refused", rs.getString(2));
        }
    }

    @Test
    void bad_requests_get_problem_responses_naming_the_problem() throws Exception {
        HttpResponse<String> malformed = vitrine.putAsAdmin("/api/admin/modules/blobs-fs", "{\"enabled\": ");
        assertEquals(400, malformed.statusCode());
        assertTrue(malformed.body().contains("not valid JSON"), malformed.body());
        HttpResponse<String> wrongKind = vitrine.putAsAdmin("/api/admin/modules/blobs-fs", "{\"enabled\": [1]}");
        assertEquals(400, wrongKind.statusCode());
        assertTrue(wrongKind.body().contains("\\\"enabled\\\""), "names the field: " + wrongKind.body());
        assertFalse(wrongKind.body().contains("java.") || wrongKind.body().contains("deserialize"), "no parser text: " + wrongKind.body());
        HttpResponse<String> missing = vitrine.putAsAdmin("/api/admin/modules/blobs-fs", "{}");
        assertEquals(400, missing.statusCode());
        assertTrue(missing.body().contains("enabled"), missing.body());
        HttpResponse<String> unknown = vitrine.putAsAdmin("/api/admin/modules/no-such-module", "{\"enabled\": true}");
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("no-such-module"), unknown.body());
        HttpResponse<String> nowhere = vitrine.get("/api/no/such/path");
        assertEquals(404, nowhere.statusCode());
        assertEquals("application/problem+json", nowhere.headers().firstValue("Content-Type").orElse(""));
        assertEquals("enabled", vitrine.module("blobs-fs").path("state").asText(), "nothing changed");
    }

    @Test
    void responses_carry_security_headers_and_requests_reach_the_access_log() throws Exception {
        HttpResponse<String> response = vitrine.get("/api/health?probe=access-log-check");
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertTrue(response.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"));
        Path accessLog = vitrine.home.resolve("data/logs/access.log");
        VitrineInstance.await("the request in data/logs/access.log", Duration.ofSeconds(10), () -> {
            try {
                return Files.exists(accessLog) && Files.readString(accessLog).lines()
                        .anyMatch(l -> l.contains("127.0.0.1 GET /api/health 200"));
            } catch (Exception e) {
                return false;
            }
        });
        String log = Files.readString(accessLog);
        assertFalse(log.contains("access-log-check"), "query strings stay out of the access log");
        assertTrue(Files.readString(vitrine.home.resolve("data/logs/vitrine.log")).contains("Vitrine is ready"));
    }

    @Test
    void a_second_instance_on_the_same_data_refuses_to_start_at_once() throws Exception {
        VitrineInstance.CommandResult second = vitrine.command("run");
        assertNotEquals(0, second.exitCode());
        assertTrue(second.output().contains("Another Vitrine is already running"), second.output());
        assertEquals(200, vitrine.get("/api/health").statusCode(), "the first one keeps serving");
    }

    @Test
    void the_admin_token_and_database_password_never_reach_the_logs() throws Exception {
        for (String file : List.of("data/logs/vitrine.log", "data/logs/access.log")) {
            Path log = vitrine.home.resolve(file);
            if (Files.exists(log)) {
                assertFalse(Files.readString(log).contains(vitrine.token), file + " contains the admin token");
            }
        }
        assertFalse(vitrine.console().contains(vitrine.token), "the console shows the admin token");
    }
}
