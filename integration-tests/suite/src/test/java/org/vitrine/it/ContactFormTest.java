package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vitrine.it.Browser.body;
import static org.vitrine.it.Problems.assertProblem;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The contact form: anyone sends a question or a privacy request; it is stored for admins, who list it; every
 * field is checked (400 naming it, nothing stored).
 */
@Timeout(300)
class ContactFormTest {

    private static final String PASSWORD = "juniper ledge 73 after dark";
    private static VitrineInstance vitrine;

    @BeforeAll
    static void start() throws Exception {
        vitrine = VitrineInstance.fresh("contact-form").generousSignInLimits()
                .setting("platform.properties", "rate.contact.ip", "100000/1h").start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (vitrine != null) {
            vitrine.close();
        }
    }

    @Test
    void a_privacy_request_is_stored_and_admins_list_it() throws Exception {
        Browser.Reply sent = new Browser(vitrine).post("/api/contact", body("name", "Émilie du Châtelet",
                "email", "Emilie@Example.org", "message", "Please send me a copy of my data.", "type", "privacy-request"));
        assertEquals(201, sent.status(), sent.toString());
        long id = sent.json().path("id").asLong();
        try (Connection db = vitrine.database();
             PreparedStatement select = db.prepareStatement("SELECT name, email, type, message, state, ip, ip_anonymised "
                     + "FROM contact_requests WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("Émilie du Châtelet", rs.getString(1));
                assertEquals("emilie@example.org", rs.getString(2));
                assertEquals("privacy-request", rs.getString(3));
                assertEquals("Please send me a copy of my data.", rs.getString(4));
                assertEquals("open", rs.getString(5));
                assertEquals("127.0.0.1", rs.getString(6));
                assertFalse(rs.getBoolean(7));
            }
        }

        Browser admin = Staff.signedIn(vitrine, "contact-admin", PASSWORD, "admin");
        JsonNode listed = admin.get("/api/admin/contact-requests").json();
        JsonNode first = listed.path("items").get(0);
        assertEquals(id, first.path("id").asLong(), "newest first: " + listed);
        assertEquals("Émilie du Châtelet", first.path("name").asText());
        assertEquals("privacy-request", first.path("type").asText());
        assertEquals("open", first.path("state").asText());
        assertFalse(first.has("ip"), "the sender's address is not shown: " + first);
        assertEquals(id, admin.get("/api/admin/contact-requests?type=privacy-request").json().path("items").get(0).path("id").asLong());
        assertProblem(admin.get("/api/admin/contact-requests?type=gossip"), 400, "'type'");
        assertProblem(admin.get("/api/admin/contact-requests?limit=500"), 400, "'limit'");
    }

    @Test
    void the_list_is_paged_newest_first() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertEquals(201, new Browser(vitrine).post("/api/contact", body("name", "Pager " + i, "email", "pager@example.org",
                    "message", "Message " + i, "type", "question")).status());
        }
        JsonNode first = VitrineInstance.JSON.readTree(vitrine.getAsAdmin("/api/admin/contact-requests?limit=2").body());
        assertEquals(2, first.path("items").size());
        assertTrue(first.path("items").get(0).path("id").asLong() > first.path("items").get(1).path("id").asLong());
        JsonNode second = VitrineInstance.JSON.readTree(vitrine.getAsAdmin("/api/admin/contact-requests?limit=2&before="
                + first.path("next").asLong()).body());
        assertTrue(second.path("items").get(0).path("id").asLong() < first.path("items").get(1).path("id").asLong());
    }

    @Test
    void each_bad_field_is_named_and_nothing_is_stored() throws Exception {
        long before = Rows.count(vitrine, "SELECT COUNT(*) FROM contact_requests");
        Map<String, Object> good = body("name", "Ada", "email", "ada@example.org", "message", "Hello", "type", "question");
        Browser anonymous = new Browser(vitrine);
        assertProblem(anonymous.post("/api/contact", with(good, "name", null)), 400, "'name'");
        assertProblem(anonymous.post("/api/contact", with(good, "name", "n".repeat(256))), 400, "'name'");
        assertProblem(anonymous.post("/api/contact", with(good, "email", null)), 400, "'email'");
        assertProblem(anonymous.post("/api/contact", with(good, "email", "ada at example.org")), 400, "'email'");
        assertProblem(anonymous.post("/api/contact", with(good, "email", "a".repeat(300) + "@example.org")), 400, "'email'");
        assertProblem(anonymous.post("/api/contact", with(good, "message", "   ")), 400, "'message'");
        assertProblem(anonymous.post("/api/contact", with(good, "message", "m".repeat(5001))), 400, "'message'");
        assertProblem(anonymous.post("/api/contact", with(good, "type", null)), 400, "'type'");
        assertProblem(anonymous.post("/api/contact", with(good, "type", "complaint")), 400, "question, privacy-request, other");
        assertProblem(anonymous.post("/api/contact", null), 400, "JSON");
        assertEquals(before, Rows.count(vitrine, "SELECT COUNT(*) FROM contact_requests"), "nothing stored");
    }

    @Test
    void only_admins_read_the_messages() throws Exception {
        Browser user = Browser.registered(vitrine, Browser.newEmail("curious"), PASSWORD);
        assertProblem(user.get("/api/admin/contact-requests"), 403, "admin");
        assertProblem(Staff.signedIn(vitrine, "contact-moderator", PASSWORD, "moderator").get("/api/admin/contact-requests"), 403, "admin");
        assertProblem(new Browser(vitrine).get("/api/admin/contact-requests"), 401, "admin");
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> changed = new java.util.LinkedHashMap<>(body);
        if (value == null) {
            changed.remove(key);
        } else {
            changed.put(key, value);
        }
        return changed;
    }
}
