package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vitrine.it.Problems.assertProblem;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Client addresses are kept whole for the retention period (90 days unless {@code retention.ip.days} says
 * otherwise) and shortened afterwards (IPv4 to /24, IPv6 to /48) in the audit log, reports, consent records and
 * contact messages; access log archives older than the period are deleted; spooled mail older than the mail module's
 * {@code spool.retention.days} (30) is deleted. Old rows are put in the database with
 * old times, then an admin runs the job ({@code POST /api/admin/retention/run}), which always works from the real
 * time. (The scheduled run waits ten minutes after start, longer than these scenarios take.)
 */
@Timeout(300)
class AddressRetentionTest {

    private static final String PASSWORD = "pebble lantern 58 by the weir";
    private static VitrineInstance vitrine;

    @BeforeAll
    static void start() throws Exception {
        vitrine = VitrineInstance.fresh("address-retention").generousSignInLimits().start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (vitrine != null) {
            vitrine.close();
        }
    }

    @Test
    void addresses_older_than_the_retention_period_are_shortened_and_younger_ones_kept() throws Exception {
        long doc = CatalogSeed.document(vitrine, "Retained part", null, "CC-BY-4.0", true);
        long oldAudit = insert("INSERT INTO audit_events (occurred_at, actor, action, ip, outcome) VALUES (?, 'system', 'test.old', ?, 'success')",
                daysAgo(91), "203.0.113.77");
        long oldAudit6 = insert("INSERT INTO audit_events (occurred_at, actor, action, ip, outcome) VALUES (?, 'system', 'test.old', ?, 'success')",
                daysAgo(120), "2001:db8:abcd:12::1");
        long youngAudit = insert("INSERT INTO audit_events (occurred_at, actor, action, ip, outcome) VALUES (?, 'system', 'test.young', ?, 'success')",
                daysAgo(89), "198.51.100.23");
        long oldReport = insert("INSERT INTO reports (document_id, reason, created_at, ip) VALUES (?, 'spam', ?, ?)", doc, daysAgo(100), "192.0.2.45");
        long youngReport = insert("INSERT INTO reports (document_id, reason, created_at, ip) VALUES (?, 'spam', ?, ?)", doc, daysAgo(10), "192.0.2.46");
        long oldConsent = insert("INSERT INTO consent_records (subject_type, visitor_id, purpose, granted, policy_id, policy_version, "
                + "source, recorded_at, ip) VALUES ('visitor', 'v1', 'analytics', TRUE, 'gdpr', '1', 'banner', ?, ?)", daysAgo(95), "2a00:1450:4007:80e::200e");
        long oldContact = insert("INSERT INTO contact_requests (name, email, type, message, created_at, ip) VALUES ('A', 'a@example.org', "
                + "'question', 'hi', ?, ?)", daysAgo(91), "198.51.100.200");
        long youngContact = insert("INSERT INTO contact_requests (name, email, type, message, created_at, ip) VALUES ('B', 'b@example.org', "
                + "'question', 'hi', ?, ?)", daysAgo(1), "198.51.100.201");

        Browser admin = Staff.signedIn(vitrine, "retention-admin", PASSWORD, "admin");
        Browser.Reply run = admin.post("/api/admin/retention/run", null);
        assertEquals(200, run.status(), run.toString());
        assertEquals(90, run.json().path("retentionDays").asInt());
        JsonNode counts = run.json().path("anonymised");
        // at least: rows other scenarios left may be shortened by the same run
        assertTrue(counts.path("auditEvents").asInt() >= 2, run.toString());
        assertTrue(counts.path("reports").asInt() >= 1, run.toString());
        assertTrue(counts.path("consentRecords").asInt() >= 1, run.toString());
        assertTrue(counts.path("contactRequests").asInt() >= 1, run.toString());

        assertAddress("audit_events", oldAudit, "203.0.113.0", true);
        assertAddress("audit_events", oldAudit6, "2001:db8:abcd::", true);
        assertAddress("audit_events", youngAudit, "198.51.100.23", false);
        assertAddress("reports", oldReport, "192.0.2.0", true);
        assertAddress("reports", youngReport, "192.0.2.46", false);
        assertAddress("consent_records", oldConsent, "2a00:1450:4007::", true);
        assertAddress("contact_requests", oldContact, "198.51.100.0", true);
        assertAddress("contact_requests", youngContact, "198.51.100.201", false);
        assertTrue(AuditTrail.of(vitrine, "retention.run").stream().anyMatch(e -> e.actor().startsWith("account:")),
                "the run is audited");

        JsonNode again = admin.post("/api/admin/retention/run", null).json().path("anonymised");
        assertEquals(0, again.path("auditEvents").asInt() + again.path("reports").asInt() + again.path("consentRecords").asInt()
                + again.path("contactRequests").asInt(), "a second run finds nothing left: " + again);
    }

    @Test
    void access_log_archives_older_than_the_retention_period_are_deleted() throws Exception {
        Path logs = vitrine.home.resolve("data/logs");
        LocalDate today = LocalDate.now();
        Path old = Files.writeString(logs.resolve("access." + today.minusDays(100) + ".0.log.gz"), "203.0.113.77 GET /");
        Path young = Files.writeString(logs.resolve("access." + today.minusDays(10) + ".0.log.gz"), "203.0.113.78 GET /");
        HttpResponse<String> run = vitrine.postAsAdmin("/api/admin/retention/run", "");
        assertEquals(200, run.statusCode(), run.body());
        assertTrue(VitrineInstance.JSON.readTree(run.body()).path("accessLogArchivesDeleted").asInt() >= 1, run.body());
        assertFalse(Files.exists(old), "older than 90 days");
        assertTrue(Files.exists(young), "within the retention period");
        assertTrue(Files.exists(logs.resolve("access.log")), "the current log stays");
    }

    @Test
    void spooled_mail_older_than_the_spool_retention_is_deleted() throws Exception {
        String email = Browser.newEmail("spooled");
        Browser.registered(vitrine, email, PASSWORD);
        Path mail = vitrine.home.resolve("data/mail");
        Path recent;
        try (java.util.stream.Stream<Path> files = Files.list(mail)) {
            recent = files.filter(f -> f.toString().endsWith(".eml") && holds(f, email)).findFirst().orElseThrow();
        }
        // the same message as if written 31 days ago: the time in a message's id is when it was spooled
        String monthOld = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
                .format(java.time.Instant.now().minus(Duration.ofDays(31)));
        Path oldKept = Files.copy(recent, mail.resolve(monthOld + "-0000000000aa.eml"));
        Path oldFailed = Files.copy(recent, mail.resolve("failed/" + monthOld + "-0000000000bb.eml"));
        Path oldState = Files.writeString(mail.resolve("failed/" + monthOld + "-0000000000bb.state"), "attempts=6\n");

        HttpResponse<String> run = vitrine.postAsAdmin("/api/admin/retention/run", "");
        assertEquals(200, run.statusCode(), run.body());
        assertTrue(VitrineInstance.JSON.readTree(run.body()).path("expired").path("mailSpoolFiles").asInt() >= 2, run.body());
        assertFalse(Files.exists(oldKept), "kept for more than 30 days");
        assertFalse(Files.exists(oldFailed), "failed more than 30 days ago");
        assertFalse(Files.exists(oldState), "with its attempts");
        assertTrue(Files.exists(recent), "within the spool retention");
        assertTrue(AuditTrail.of(vitrine, "retention.run").stream().anyMatch(e -> e.detail().contains("mailSpoolFiles=")),
                "the run is audited with what it removed");
    }

    @Test
    void a_shorter_retention_applies_while_vitrine_runs() throws Exception {
        long audit = insert("INSERT INTO audit_events (occurred_at, actor, action, ip, outcome) VALUES (?, 'system', 'test.month', ?, 'success')",
                daysAgo(45), "203.0.113.145");
        try {
            vitrine.setting("platform.properties", "retention.ip.days", "30");
            VitrineInstance.await("the 30-day retention", Duration.ofSeconds(20), () -> retentionDays() == 30);
            assertAddress("audit_events", audit, "203.0.113.0", true);
        } finally {
            vitrine.setting("platform.properties", "retention.ip.days", "90");
            VitrineInstance.await("the 90-day retention again", Duration.ofSeconds(20), () -> retentionDays() == 90);
        }
    }

    @Test
    void only_admins_run_the_job() throws Exception {
        long audit = insert("INSERT INTO audit_events (occurred_at, actor, action, ip, outcome) VALUES (?, 'system', 'test.guarded', ?, 'success')",
                daysAgo(200), "203.0.113.9");
        assertProblem(Browser.registered(vitrine, Browser.newEmail("user"), PASSWORD).post("/api/admin/retention/run", null), 403, "admin");
        assertProblem(Staff.signedIn(vitrine, "retention-moderator", PASSWORD, "moderator").post("/api/admin/retention/run", null), 403, "admin");
        assertProblem(new Browser(vitrine).post("/api/admin/retention/run", null), 401, "admin");
        assertAddress("audit_events", audit, "203.0.113.9", false);
    }

    private static boolean holds(Path file, String text) {
        try {
            return Files.readString(file).contains(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int retentionDays() {
        try {
            return VitrineInstance.JSON.readTree(vitrine.postAsAdmin("/api/admin/retention/run", "").body()).path("retentionDays").asInt();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertAddress(String table, long id, String ip, boolean anonymised) throws Exception {
        try (Connection db = vitrine.database();
             PreparedStatement select = db.prepareStatement("SELECT ip, ip_anonymised FROM " + table + " WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
                assertTrue(rs.next(), table + " " + id);
                assertEquals(ip, rs.getString(1), table + " " + id);
                assertEquals(anonymised, rs.getBoolean(2), table + " " + id + " ip_anonymised");
            }
        }
    }

    private static Timestamp daysAgo(int days) {
        return Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC).minusDays(days));
    }

    private static long insert(String sql, Object... parameters) throws Exception {
        try (Connection db = vitrine.database(); PreparedStatement insert = db.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < parameters.length; i++) {
                insert.setObject(i + 1, parameters[i]);
            }
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
