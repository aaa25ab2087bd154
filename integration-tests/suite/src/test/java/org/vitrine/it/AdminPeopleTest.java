package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vitrine.it.Browser.body;
import static org.vitrine.it.Problems.assertProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Administration of people: admins find accounts by e-mail address or name a page at a time, look at one (never a
 * secret), change roles, disable (every session ends, no sign-in) and enable accounts. Nobody else may. An admin
 * cannot lock themselves out and the last admin stays one. Every read of personal data by staff (people, contact
 * requests, reports with e-mail addresses, audit entries with IP addresses) leaves an audit entry naming the reader
 * and whose data it was.
 */
@Timeout(300)
class AdminPeopleTest {

    private static final String PASSWORD = "juniper causeway 47 by lamplight";
    private static final String READ = "personal-data.read";
    private static VitrineInstance vitrine;
    private static Browser admin;
    private static long adminId;

    @BeforeAll
    static void start() throws Exception {
        vitrine = VitrineInstance.fresh("admin-people").generousSignInLimits().start();
        String email = Browser.newEmail("people-admin");
        VitrineInstance.CommandResult created = vitrine.commandWithInput(PASSWORD + "\n", "admin", "create", email);
        assertEquals(0, created.exitCode(), created.output());
        admin = Browser.signedIn(vitrine, email, PASSWORD, "People admin");
        adminId = admin.me().json().path("id").asLong();
    }

    @AfterAll
    static void stop() throws Exception {
        if (vitrine != null) {
            vitrine.close();
        }
    }

    @Test
    void admins_find_people_by_email_or_name_a_page_at_a_time_and_each_page_read_is_audited() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Browser person = new Browser(vitrine);
            assertEquals(200, person.registerAndSignIn(Browser.newEmail("quokka"), PASSWORD, "Zephyrine " + i).status());
            ids.add(person.me().json().path("id").asLong());
        }

        JsonNode first = admin.get("/api/admin/users?q=ZEPHYRINE&size=2").json();
        JsonNode second = admin.get("/api/admin/users?q=zephyrine&size=2&page=1").json();

        assertEquals(3, first.path("total").asLong(), first.toString());
        assertEquals(2, first.path("items").size(), first.toString());
        assertEquals(0, first.path("page").asInt());
        assertEquals(2, first.path("size").asInt());
        assertEquals(1, second.path("items").size(), second.toString());
        List<Long> seen = new ArrayList<>();
        first.path("items").forEach(u -> seen.add(u.path("id").asLong()));
        second.path("items").forEach(u -> seen.add(u.path("id").asLong()));
        assertEquals(List.of(ids.get(2), ids.get(1), ids.get(0)), seen, "newest first, each once");
        JsonNode item = first.path("items").get(0);
        assertEquals("active", item.path("status").asText());
        assertEquals("[\"user\"]", item.path("roles").toString());

        JsonNode byEmail = admin.get("/api/admin/users?q=quokka").json();
        assertEquals(3, byEmail.path("total").asLong(), "found by a part of the e-mail address: " + byEmail);
        assertEquals(0, admin.get("/api/admin/users?q=nobody-is-called-this").json().path("total").asLong());
        assertProblem(admin.get("/api/admin/users?size=1000"), 400, "size");

        List<AuditTrail.Event> reads = AuditTrail.of(vitrine, READ).stream()
                .filter(e -> "accounts".equals(e.target()) && ("account:" + adminId).equals(e.actor())).toList();
        assertEquals(2, reads.stream().filter(e -> e.detail().toLowerCase(Locale.ROOT).contains("zephyrine")).count(),
                "one event per page read: " + reads);
        assertEquals(1, reads.stream().filter(e -> e.detail().contains("quokka")).count(), reads.toString());
        assertEquals(0, reads.stream().filter(e -> e.detail().contains("nobody-is-called-this")).count(),
                "a page showing nobody shows no personal data: " + reads);
    }

    @Test
    void details_show_profile_roles_and_activity_without_secrets_and_the_read_is_audited() throws Exception {
        String email = Browser.newEmail("details");
        Browser person = Browser.registered(vitrine, email, PASSWORD);
        long id = person.me().json().path("id").asLong();
        assertEquals(200, new Browser(vitrine).signIn(email, PASSWORD).status());

        Browser.Reply details = admin.get("/api/admin/users/" + id);

        assertEquals(200, details.status(), details.toString());
        JsonNode u = details.json();
        assertEquals(email, u.path("email").asText());
        assertEquals("[\"user\"]", u.path("roles").toString());
        assertEquals("active", u.path("status").asText());
        assertTrue(u.path("hasPassword").asBoolean(), details.toString());
        assertFalse(u.path("twoFactorEnabled").asBoolean(), details.toString());
        assertTrue(u.path("lastSignInAt").isTextual(), "last sign-in: " + details);
        assertEquals(2, u.path("liveSessions").asInt(), details.toString());
        assertEquals(0, u.path("importJobs").asInt(), details.toString());
        assertEquals(0, u.path("identities").size(), details.toString());
        assertFalse(details.body().contains("argon2"), "no password hash: " + details);
        assertProblem(admin.get("/api/admin/users/999999"), 404, "no account");

        assertTrue(AuditTrail.of(vitrine, READ).stream().anyMatch(e -> ("account:" + adminId).equals(e.actor())
                && ("account:" + id).equals(e.target()) && "success".equals(e.outcome())), "the read names the admin and the person");
    }

    @Test
    void changed_roles_reach_the_persons_live_sessions_and_unknown_roles_are_refused() throws Exception {
        Browser person = Browser.registered(vitrine, Browser.newEmail("promoted"), PASSWORD);
        long id = person.me().json().path("id").asLong();

        Browser.Reply changed = admin.put("/api/admin/users/" + id + "/roles", body("roles", List.of("moderator")));

        assertEquals(200, changed.status(), changed.toString());
        assertEquals("[\"moderator\",\"user\"]", changed.json().path("roles").toString());
        assertTrue(person.me().json().path("roles").toString().contains("moderator"), "the live session has the role");
        assertEquals(200, person.get("/api/moderation/reports").status(), "and may use it");
        assertTrue(AuditTrail.of(vitrine, "roles.change").stream().anyMatch(e -> ("account:" + adminId).equals(e.actor())
                && ("account:" + id).equals(e.target()) && "moderator,user".equals(e.detail())), "audited");

        assertProblem(admin.put("/api/admin/users/" + id + "/roles", body("roles", List.of("root"))), 400, "not a role");
        assertProblem(admin.put("/api/admin/users/" + id + "/roles", Map.of()), 400, "roles");
        assertEquals("[\"moderator\",\"user\"]", admin.get("/api/admin/users/" + id).json().path("roles").toString(), "unchanged");

        assertEquals(200, admin.put("/api/admin/users/" + id + "/roles", body("roles", List.of())).status());
        assertEquals(403, person.get("/api/moderation/reports").status(), "the role is gone at once");
    }

    @Test
    void an_admin_cannot_lock_themselves_out_and_the_last_admin_stays_one() throws Exception {
        assertProblem(admin.put("/api/admin/users/" + adminId + "/roles", body("roles", List.of("user"))), 409, "your own admin role");
        assertProblem(admin.post("/api/admin/users/" + adminId + "/disable", null), 409, "your own account");
        var byOps = vitrine.putAsAdmin("/api/admin/users/" + adminId + "/roles", "{\"roles\":[\"user\"]}");
        assertEquals(409, byOps.statusCode(), byOps.body());
        assertTrue(byOps.body().contains("last active admin"), byOps.body());
        assertEquals(409, vitrine.postAsAdmin("/api/admin/users/" + adminId + "/disable", "{}").statusCode());
        assertTrue(admin.me().json().path("roles").toString().contains("admin"), "still an admin");

        // with a second admin, either may be disabled; the second is then made a plain user again
        String email = Browser.newEmail("second-admin");
        Browser second = Browser.registered(vitrine, email, PASSWORD);
        long secondId = second.me().json().path("id").asLong();
        assertEquals(200, admin.put("/api/admin/users/" + secondId + "/roles", body("roles", List.of("admin"))).status());
        assertEquals(200, admin.post("/api/admin/users/" + secondId + "/disable", null).status());
        assertEquals(401, second.me().status(), "its sessions ended");
        assertEquals(200, admin.post("/api/admin/users/" + secondId + "/enable", null).status());
        assertEquals(200, admin.put("/api/admin/users/" + secondId + "/roles", body("roles", List.of())).status());
        assertTrue(AuditTrail.of(vitrine, "roles.change").stream().anyMatch(e -> "refused".equals(e.outcome())
                && ("account:" + adminId).equals(e.target())), "refusals are audited");
    }

    @Test
    void disabling_ends_every_session_and_blocks_sign_in_until_enabled() throws Exception {
        String email = Browser.newEmail("disabled");
        Browser laptop = Browser.registered(vitrine, email, PASSWORD);
        Browser phone = Browser.signedIn(vitrine, email, PASSWORD, "Phone");
        long id = laptop.me().json().path("id").asLong();

        Browser.Reply disabled = admin.post("/api/admin/users/" + id + "/disable", null);

        assertEquals(200, disabled.status(), disabled.toString());
        assertEquals("disabled", disabled.json().path("status").asText());
        assertEquals(0, disabled.json().path("liveSessions").asInt(), disabled.toString());
        assertEquals(401, laptop.me().status(), "the laptop's session ended");
        assertEquals(401, phone.me().status(), "the phone's session ended");
        assertEquals(401, new Browser(vitrine).signIn(email, PASSWORD).status(), "password sign-in refuses it");
        assertTrue(AuditTrail.of(vitrine, "account.disable").stream().anyMatch(e -> ("account:" + adminId).equals(e.actor())
                && ("account:" + id).equals(e.target()) && "success".equals(e.outcome())), "audited");
        JsonNode listed = admin.get("/api/admin/users?q=" + email).json();
        assertEquals("disabled", listed.path("items").get(0).path("status").asText(), listed.toString());

        Browser.Reply enabled = admin.post("/api/admin/users/" + id + "/enable", null);
        assertEquals(200, enabled.status(), enabled.toString());
        assertEquals("active", enabled.json().path("status").asText());
        assertEquals(200, new Browser(vitrine).signIn(email, PASSWORD).status(), "signs in again");
        assertTrue(AuditTrail.of(vitrine, "account.enable").stream().anyMatch(e -> ("account:" + id).equals(e.target())), "audited");
    }

    @Test
    void people_who_are_not_admins_are_refused() throws Exception {
        Browser user = Browser.registered(vitrine, Browser.newEmail("curious"), PASSWORD);
        long id = user.me().json().path("id").asLong();
        Browser moderator = Staff.signedIn(vitrine, "people-moderator", PASSWORD, "moderator");

        for (Browser who : List.of(user, moderator)) {
            assertEquals(403, who.get("/api/admin/users").status());
            assertEquals(403, who.get("/api/admin/users/" + id).status());
            assertEquals(403, who.put("/api/admin/users/" + id + "/roles", body("roles", List.of("admin"))).status());
            assertEquals(403, who.post("/api/admin/users/" + id + "/disable", null).status());
        }
        assertEquals(401, new Browser(vitrine).get("/api/admin/users").status());
        assertEquals("[\"user\"]", user.me().json().path("roles").toString(), "nothing changed");
    }

    @Test
    void reading_contact_requests_reports_with_addresses_and_the_audit_log_is_itself_audited() throws Exception {
        assertEquals(201, new Browser(vitrine).post("/api/contact", body("name", "Ada Reader", "email", "ada.reader@example.org",
                "message", "What do you keep about me?", "type", "privacy-request")).status());
        long doc = CatalogSeed.document(vitrine, "Audited bracket", null, "CC-BY-4.0", true);
        assertEquals(201, new Browser(vitrine).post("/api/documents/" + doc + "/reports",
                body("reason", "spam", "email", "reporter@example.org")).status());

        assertEquals(200, admin.get("/api/admin/contact-requests").status());
        assertEquals(200, admin.get("/api/moderation/reports").status());
        Browser.Reply log = admin.get("/api/admin/audit?limit=20");
        assertEquals(200, log.status());

        String me = "account:" + adminId;
        List<AuditTrail.Event> reads = AuditTrail.of(vitrine, READ).stream().filter(e -> me.equals(e.actor())).toList();
        assertTrue(reads.stream().anyMatch(e -> "contact-requests".equals(e.target())), "contact requests: " + reads);
        assertTrue(reads.stream().anyMatch(e -> "reports".equals(e.target()) && e.detail().contains("e-mail")), "reports: " + reads);
        assertTrue(reads.stream().anyMatch(e -> "audit-log".equals(e.target()) && e.detail().contains("IP")), "audit log: " + reads);

        // the reads are in the log an admin reads, and reading the log adds one event per page, not one per entry
        int before = AuditTrail.of(vitrine, READ).size();
        JsonNode page = admin.get("/api/admin/audit?action=" + READ + "&limit=50").json();
        assertTrue(page.path("items").size() >= 3, page.toString());
        assertEquals(before + 1, AuditTrail.of(vitrine, READ).size(), "one event for the page");
    }
}
