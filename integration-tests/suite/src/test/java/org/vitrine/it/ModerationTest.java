package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vitrine.it.Browser.body;
import static org.vitrine.it.Problems.assertProblem;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Moderation: anyone reports a document (a fixed set of reasons, an optional message, an address when anonymous);
 * moderators and admins work through the queue, close reports with a note, take documents down and put them back;
 * plain users and anonymous visitors cannot; every step is in the audit log.
 */
@Timeout(300)
class ModerationTest {

    private static final String PASSWORD = "thistle quarry 31 before rain";
    private static VitrineInstance vitrine;
    private static Browser user;
    private static long userId;
    private static Browser moderator;
    private static long moderatorId;

    @BeforeAll
    static void start() throws Exception {
        // the catalog cache on, as shipped: a takedown or a restore must show in search at once
        vitrine = VitrineInstance.fresh("moderation").generousSignInLimits()
                .setting("store-mariadb.properties", "catalog.cache.seconds", "60")
                .setting("platform.properties", "rate.report.ip", "100000/1h").start();
        user = Browser.registered(vitrine, Browser.newEmail("user"), PASSWORD);
        userId = user.me().json().path("id").asLong();
        moderator = Staff.signedIn(vitrine, "moderator", PASSWORD, "moderator");
        moderatorId = moderator.me().json().path("id").asLong();
    }

    @AfterAll
    static void stop() throws Exception {
        if (vitrine != null) {
            vitrine.close();
        }
    }

    @Test
    void an_anonymous_report_is_stored_and_reaches_the_moderators_queue() throws Exception {
        long doc = CatalogSeed.document(vitrine, "Copied bracket", null, "CC-BY-4.0", true);
        Browser.Reply filed = new Browser(vitrine).post("/api/documents/" + doc + "/reports",
                body("reason", "Copyright", "message", "This is my design, published without asking.", "email", " Owner@Example.org "));
        assertEquals(201, filed.status(), filed.toString());
        long report = filed.json().path("id").asLong();
        assertEquals("open", filed.json().path("state").asText());

        try (Connection db = vitrine.database();
             PreparedStatement select = db.prepareStatement("SELECT document_id, reason, reporter_email, reporter_account_id, "
                     + "state, ip, message FROM reports WHERE id = ?")) {
            select.setLong(1, report);
            try (ResultSet rs = select.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(doc, rs.getLong(1));
                assertEquals("copyright", rs.getString(2));
                assertEquals("owner@example.org", rs.getString(3));
                assertEquals(null, rs.getObject(4));
                assertEquals("open", rs.getString(5));
                assertEquals("127.0.0.1", rs.getString(6), "kept for the retention period");
                assertEquals("This is my design, published without asking.", rs.getString(7));
            }
        }
        JsonNode item = find(moderator.get("/api/moderation/reports?state=open&limit=200").json(), report);
        assertEquals(doc, item.path("documentId").asLong());
        assertEquals("Copied bracket", item.path("documentName").asText());
        assertEquals("public", item.path("documentStatus").asText());
        assertEquals("copyright", item.path("reason").asText());
        assertEquals("owner@example.org", item.path("reporterEmail").asText());
        assertFalse(item.has("ip"), "moderators never see the reporter's address: " + item);
        assertTrue(AuditTrail.of(vitrine, "report.create").stream().anyMatch(e -> e.target().equals("report:" + report)));

        Browser.Reply signedIn = user.post("/api/documents/" + doc + "/reports", body("reason", "spam"));
        assertEquals(201, signedIn.status(), signedIn.toString());
        assertEquals(userId, Rows.count(vitrine, "SELECT reporter_account_id FROM reports WHERE id = ?", signedIn.json().path("id").asLong()));
    }

    @Test
    void a_report_names_what_is_wrong_with_it_and_nothing_is_stored() throws Exception {
        long doc = CatalogSeed.document(vitrine, "Contested knob", null, "CC-BY-4.0", true);
        long taken = CatalogSeed.document(vitrine, "Taken knob", null, "CC-BY-4.0", false);
        Browser anonymous = new Browser(vitrine);
        String path = "/api/documents/" + doc + "/reports";
        assertProblem(anonymous.post(path, body("message", "no reason")), 400, "'reason'");
        assertProblem(anonymous.post(path, body("reason", "ugly")), 400, "copyright, offensive, personal-data, spam, other");
        assertProblem(anonymous.post(path, body("reason", "other", "message", "x".repeat(2001))), 400, "'message'");
        assertProblem(anonymous.post(path, body("reason", "other", "email", "not-an-address")), 400, "'email'");
        assertProblem(anonymous.post(path, body("reason", "other", "email", "a".repeat(250) + "@example.org")), 400, "'email'");
        assertProblem(anonymous.post(path, null), 400, "reason");
        assertProblem(anonymous.post(path, "{broken"), 400, "");
        assertEquals(0, Rows.count(vitrine, "SELECT COUNT(*) FROM reports WHERE document_id = ?", doc));
        assertProblem(anonymous.post("/api/documents/999999/reports", body("reason", "spam")), 404, "document");
        assertProblem(anonymous.post("/api/documents/" + taken + "/reports", body("reason", "spam")), 410, "taken down");
    }

    @Test
    void a_moderator_closes_a_report_with_a_note_and_it_leaves_the_open_queue() throws Exception {
        long doc = CatalogSeed.document(vitrine, "Noisy fan", null, "CC-BY-4.0", true);
        long report = new Browser(vitrine).post("/api/documents/" + doc + "/reports", body("reason", "other")).json().path("id").asLong();
        String close = "/api/moderation/reports/" + report + "/close";
        assertProblem(moderator.post(close, body("note", " ")), 400, "'note'");
        assertProblem(moderator.post(close, body("note", "x".repeat(2001))), 400, "'note'");

        Browser.Reply closed = moderator.post(close, body("note", "Nothing wrong with it."));
        assertEquals(200, closed.status(), closed.toString());
        assertEquals("closed", closed.json().path("state").asText());
        assertEquals("Nothing wrong with it.", closed.json().path("note").asText());
        assertEquals(moderatorId, closed.json().path("closedBy").asLong());
        assertTrue(closed.json().path("closedAt").isTextual());
        assertEquals(200, new Browser(vitrine).get("/api/documents/" + doc).status(), "dismissed: still shown");
        assertFalse(ids(moderator.get("/api/moderation/reports?limit=200").json()).contains(report), "open is the default");
        assertTrue(ids(moderator.get("/api/moderation/reports?state=closed&limit=200").json()).contains(report));
        assertProblem(moderator.post(close, body("note", "again")), 409, "closed already");
        assertProblem(moderator.post("/api/moderation/reports/999999/close", body("note", "n")), 404, "report");
        assertTrue(AuditTrail.of(vitrine, "report.close").stream().anyMatch(e -> e.target().equals("report:" + report)
                && e.actor().equals("account:" + moderatorId) && e.detail().contains("Nothing wrong with it.")));
    }

    @Test
    void closing_a_report_can_take_its_document_down_and_a_moderator_can_restore_it() throws Exception {
        long doc = CatalogSeed.document(vitrine, "Leaked floor plan", null, "CC-BY-4.0", true);
        long report = new Browser(vitrine).post("/api/documents/" + doc + "/reports", body("reason", "personal-data",
                "message", "It shows my home address.")).json().path("id").asLong();

        Browser.Reply closed = moderator.post("/api/moderation/reports/" + report + "/close",
                body("note", "Home address visible.", "disableDocument", true));
        assertEquals(200, closed.status(), closed.toString());
        assertEquals("disabled", closed.json().path("documentStatus").asText());
        assertProblem(new Browser(vitrine).get("/api/documents/" + doc), 410, "by a moderator (personal-data)");
        assertEquals(0, new Browser(vitrine).get("/api/documents?q=leaked").json().path("total").asLong());
        assertTrue(AuditTrail.of(vitrine, "document.disable").stream().anyMatch(e -> e.target().equals("document:" + doc)
                && e.actor().equals("account:" + moderatorId) && ("report:" + report).equals(e.detail())));

        Browser.Reply restored = moderator.post("/api/moderation/documents/" + doc + "/restore", body("note", "Plan redacted."));
        assertEquals(200, restored.status(), restored.toString());
        assertEquals(200, new Browser(vitrine).get("/api/documents/" + doc).status());
        assertEquals(1, new Browser(vitrine).get("/api/documents?q=leaked").json().path("total").asLong());
        assertTrue(AuditTrail.of(vitrine, "document.restore").stream().anyMatch(e -> e.target().equals("document:" + doc)
                && "Plan redacted.".equals(e.detail())));
    }

    @Test
    void a_moderator_takes_a_document_down_with_one_of_the_reasons() throws Exception {
        long doc = CatalogSeed.document(vitrine, "Spam widget", null, "CC-BY-4.0", true);
        String disable = "/api/moderation/documents/" + doc + "/disable";
        assertProblem(moderator.post(disable, body("reason", "boring")), 400, "'reason'");
        assertEquals(200, new Browser(vitrine).get("/api/documents/" + doc).status());
        Browser.Reply done = moderator.post(disable, body("reason", "spam", "note", "Advertising only."));
        assertEquals(200, done.status(), done.toString());
        assertEquals("disabled", done.json().path("status").asText());
        assertProblem(new Browser(vitrine).get("/api/documents/" + doc), 410, "(spam)");
        assertProblem(moderator.post(disable, body("reason", "spam")), 409, "already taken down");
        assertProblem(moderator.post("/api/moderation/documents/999999/disable", body("reason", "spam")), 404, "document");
    }

    @Test
    void plain_users_and_anonymous_visitors_cannot_moderate() throws Exception {
        long doc = CatalogSeed.document(vitrine, "Ordinary gear", null, "CC-BY-4.0", true);
        long down = CatalogSeed.document(vitrine, "Downed gear", null, "CC-BY-4.0", false);
        long report = new Browser(vitrine).post("/api/documents/" + doc + "/reports", body("reason", "offensive")).json().path("id").asLong();
        Browser anonymous = new Browser(vitrine);
        for (Browser who : List.of(user, anonymous)) {
            int status = who == user ? 403 : 401;
            assertProblem(who.get("/api/moderation/reports"), status, "");
            assertProblem(who.post("/api/moderation/reports/" + report + "/close", body("note", "mine")), status, "");
            assertProblem(who.post("/api/moderation/documents/" + doc + "/disable", body("reason", "spam")), status, "");
            assertProblem(who.post("/api/moderation/documents/" + down + "/restore", null), status, "");
        }
        assertProblem(user.get("/api/moderation/reports"), 403, "moderator");
        assertEquals(200, anonymous.get("/api/documents/" + doc).status(), "nothing changed");
        assertEquals(410, anonymous.get("/api/documents/" + down).status(), "nothing changed");
        assertEquals(1, Rows.count(vitrine, "SELECT COUNT(*) FROM reports WHERE id = ? AND state = 'open'", report), "still open");
        // refused on the method's declared role, before the resource: the audit entry names the call
        assertTrue(AuditTrail.of(vitrine, "access.refuse").stream().anyMatch(e -> e.target().equals(
                "POST /api/moderation/documents/" + doc + "/disable") && e.outcome().equals("refused")
                && e.actor().equals("account:" + userId) && e.detail().contains("moderator")), "the refusal is audited");
    }

    @Test
    void the_queue_is_oldest_first_and_paged() throws Exception {
        long doc = CatalogSeed.document(vitrine, "Paged plate", null, "CC-BY-4.0", true);
        List<Long> filed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            filed.add(new Browser(vitrine).post("/api/documents/" + doc + "/reports", body("reason", "other")).json().path("id").asLong());
        }
        Browser admin = Staff.signedIn(vitrine, "queue-admin", PASSWORD, "admin");
        JsonNode all = admin.get("/api/moderation/reports?limit=200").json();
        List<Long> open = ids(all);
        assertTrue(open.containsAll(filed), all.toString());
        assertEquals(open.stream().sorted().toList(), open, "oldest first");
        JsonNode first = admin.get("/api/moderation/reports?limit=1").json();
        assertEquals(1, first.path("items").size());
        JsonNode second = admin.get("/api/moderation/reports?limit=1&after=" + first.path("next").asLong()).json();
        assertTrue(second.path("items").get(0).path("id").asLong() > first.path("items").get(0).path("id").asLong());
        assertProblem(admin.get("/api/moderation/reports?state=pending"), 400, "'state'");
        assertProblem(admin.get("/api/moderation/reports?limit=0"), 400, "'limit'");
    }

    private static JsonNode find(JsonNode page, long id) {
        for (JsonNode item : page.path("items")) {
            if (item.path("id").asLong() == id) {
                return item;
            }
        }
        throw new AssertionError("report " + id + " is not in the queue: " + page);
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.path("items").forEach(i -> ids.add(i.path("id").asLong()));
        return ids;
    }
}
