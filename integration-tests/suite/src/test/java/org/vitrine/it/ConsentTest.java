package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vitrine.it.Browser.body;
import static org.vitrine.it.Problems.assertProblem;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Consent: choices from the banner and the settings page land in the append-only ledger with the policy version
 * that applied; the GDPR policy asks before anything optional, the CCPA policy honours Global Privacy Control;
 * the admin switches policies at runtime; a new policy version asks again; a visitor's choices follow them into
 * their account; bad input is refused and records nothing.
 */
@Timeout(300)
class ConsentTest {

    private static final String CONSENT_COOKIE = "vitrine_consent";
    private static final String PASSWORD = "amber heron 73 over the weir";
    private static final Map<String, String> GPC = Map.of("Sec-GPC", "1");
    private static VitrineInstance vitrine;

    @BeforeAll
    static void start() throws Exception {
        vitrine = VitrineInstance.fresh("consent").generousSignInLimits()
                .setting("privacy.properties", "controller.name", "Example Design Lab")
                .setting("privacy.properties", "contact.email", "privacy@example.org")
                .setting("privacy.properties", "data.region", "EU (Germany)")
                .setting("privacy.properties", "processors", "matomo")
                .setting("privacy.properties", "processor.matomo.name", "Matomo Cloud")
                .setting("privacy.properties", "processor.matomo.purposes", "analytics")
                .setting("privacy.properties", "processor.matomo.location", "EU")
                .start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (vitrine != null) {
            vitrine.close();
        }
    }

    /** Every test starts from the default: the GDPR policy at version 1. */
    @AfterEach
    void backToTheDefaultPolicy() throws Exception {
        usePolicy("gdpr");
        setVersion("gdpr", "1", "2025-01-01");
    }

    @Test
    void before_any_choice_gdpr_grants_nothing_optional_asks_and_sets_no_cookie() throws Exception {
        Browser visitor = visitor();
        Browser.Reply reply = visitor.get("/api/consent");
        assertEquals(200, reply.status(), reply.toString());
        JsonNode consent = reply.json();
        assertEquals("gdpr", consent.path("policy").path("id").asText());
        assertEquals("1", consent.path("policy").path("version").asText());
        assertEquals("2025-01-01", consent.path("policy").path("effectiveDate").asText());
        assertTrue(consent.path("needsDecision").asBoolean(), reply.toString());
        assertEquals(List.of("necessary", "analytics", "social", "marketing"), ids(consent));
        assertTrue(purpose(consent, "necessary").path("granted").asBoolean());
        assertFalse(purpose(consent, "necessary").path("refusable").asBoolean(true));
        assertEquals("contract", purpose(consent, "necessary").path("legalBasis").asText());
        for (String optional : List.of("analytics", "social", "marketing")) {
            assertFalse(purpose(consent, optional).path("granted").asBoolean(true), optional + " is off until opt-in");
            assertEquals("consent", purpose(consent, optional).path("legalBasis").asText());
        }
        assertEquals(List.of("name", "avatar", "company"),
                VitrineInstance.JSON.convertValue(purpose(consent, "social").path("dataCategories"), List.class));
        assertEquals("Matomo Cloud", purpose(consent, "analytics").path("processors").path(0).asText());
        assertTrue(reply.headers().allValues("Set-Cookie").isEmpty(), "nothing is stored before a choice");
    }

    @Test
    void banner_choices_are_recorded_in_the_ledger_with_the_policy_version() throws Exception {
        Browser visitor = visitor();
        Browser.Reply reply = visitor.put("/api/consent", body("purposes",
                Map.of("necessary", true, "analytics", true, "social", false, "marketing", false),
                "source", "banner", "uiTextVersion", "banner-3"));
        assertEquals(200, reply.status(), reply.toString());
        assertFalse(reply.json().path("needsDecision").asBoolean(true), reply.toString());
        assertTrue(purpose(reply.json(), "analytics").path("granted").asBoolean());
        assertEquals("banner", purpose(reply.json(), "analytics").path("source").asText());

        String cookie = reply.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(CONSENT_COOKIE + "="))
                .findFirst().orElseThrow(() -> new AssertionError("no consent cookie: " + reply.headers()));
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/"), cookie);
        assertTrue(cookie.matches(".*Max-Age=\\d{8}.*"), "long lived: " + cookie);
        String id = visitor.cookie(CONSENT_COOKIE);
        assertNotNull(id);

        List<Map<String, Object>> rows = rows("SELECT subject_type, account_id, purpose, granted, policy_id, policy_version, source, "
                + "ui_text_version, TIMESTAMPDIFF(SECOND, recorded_at, UTC_TIMESTAMP(3)) AS age FROM consent_records "
                + "WHERE visitor_id = ? ORDER BY purpose", id);
        assertEquals(List.of("analytics", "marketing", "social"), rows.stream().map(r -> r.get("purpose")).toList(),
                "one record per refusable purpose; necessary is not a choice");
        for (Map<String, Object> row : rows) {
            assertEquals("visitor", row.get("subject_type"));
            assertNull(row.get("account_id"));
            assertEquals("gdpr", row.get("policy_id"));
            assertEquals("1", row.get("policy_version"));
            assertEquals("banner", row.get("source"));
            assertEquals("banner-3", row.get("ui_text_version"));
            long age = ((Number) row.get("age")).longValue();
            assertTrue(age >= -2 && age < 120, "recorded now in UTC, age " + age + " s");
        }
        assertEquals(true, bool(rows.get(0).get("granted")));
        assertEquals(false, bool(rows.get(1).get("granted")));

        JsonNode again = visitor.get("/api/consent").json();
        assertFalse(again.path("needsDecision").asBoolean(true));
        assertTrue(purpose(again, "analytics").path("decided").asBoolean());
        assertFalse(purpose(again, "marketing").path("granted").asBoolean(true));
    }

    @Test
    void ledger_rows_are_appended_never_updated() throws Exception {
        Browser visitor = visitor();
        assertEquals(200, visitor.put("/api/consent", body("purposes", Map.of("analytics", true))).status());
        String id = visitor.cookie(CONSENT_COOKIE);
        List<Map<String, Object>> before = rows("SELECT * FROM consent_records WHERE visitor_id = ? ORDER BY id", id);
        assertEquals(1, before.size());

        Browser.Reply withdrawn = visitor.put("/api/consent", body("purposes", Map.of("analytics", false), "source", "settings"));
        assertEquals(200, withdrawn.status(), withdrawn.toString());
        assertFalse(purpose(withdrawn.json(), "analytics").path("granted").asBoolean(true));
        assertEquals(200, visitor.put("/api/consent", body("purposes", Map.of("analytics", false), "source", "settings")).status());

        List<Map<String, Object>> after = rows("SELECT * FROM consent_records WHERE visitor_id = ? ORDER BY id", id);
        assertEquals(3, after.size(), "every decision is a new row");
        assertEquals(before.get(0), after.get(0), "the first row is untouched");
        assertEquals("settings", after.get(2).get("source"));
    }

    @Test
    void bad_choices_are_refused_naming_the_problem_and_record_nothing() throws Exception {
        long total = Rows.count(vitrine, "SELECT COUNT(*) FROM consent_records");
        Browser visitor = visitor();
        assertProblem(visitor.put("/api/consent", body("purposes", Map.of("analytics", true, "tracking", true))), 400, "tracking");
        assertProblem(visitor.put("/api/consent", body("purposes", Map.of("necessary", false, "analytics", true))), 400, "necessary");
        assertProblem(visitor.put("/api/consent", body("purposes", Map.of())), 400, "purposes");
        assertProblem(visitor.put("/api/consent", body("source", "banner")), 400, "purposes");
        assertProblem(visitor.put("/api/consent", body("purposes", Map.of("analytics", true), "source", "email")), 400, "source");
        assertProblem(visitor.put("/api/consent", body("purposes", Map.of("analytics", true), "uiTextVersion", "v 1; drop")), 400,
                "uiTextVersion");
        assertProblem(visitor.put("/api/consent", "{\"purposes\": {\"analytics\": tru"), 400, "JSON");
        assertEquals(total, Rows.count(vitrine, "SELECT COUNT(*) FROM consent_records"), "nothing recorded");
        assertNull(visitor.cookie(CONSENT_COOKIE), "no consent cookie for a refused request");
    }

    @Test
    void a_signed_in_person_must_send_the_csrf_token_to_change_their_choices() throws Exception {
        Browser person = Browser.registered(vitrine, Browser.newEmail("csrf"), PASSWORD);
        assertEquals(403, person.withoutCsrfToken("PUT", "/api/consent", body("purposes", Map.of("marketing", true))).status());
        assertEquals(403, person.fromOrigin("https://elsewhere.example", "PUT", "/api/consent",
                body("purposes", Map.of("marketing", true))).status());
        Browser.Reply accepted = person.put("/api/consent", body("purposes", Map.of("marketing", true), "source", "settings"));
        assertEquals(200, accepted.status(), accepted.toString());
        long account = person.me().json().path("id").asLong();
        assertEquals(1, Rows.count(vitrine, "SELECT COUNT(*) FROM consent_records WHERE subject_type = 'account' AND account_id = ? "
                + "AND purpose = 'marketing' AND granted AND source = 'settings'", account));
    }

    @Test
    void under_ccpa_a_gpc_signal_is_recorded_once_as_an_opt_out_of_analytics_and_marketing() throws Exception {
        usePolicy("ccpa");
        JsonNode plain = visitor().get("/api/consent").json();
        assertTrue(purpose(plain, "analytics").path("granted").asBoolean(), "opt-out: on by default");
        assertEquals("legitimate-interest", purpose(plain, "analytics").path("legalBasis").asText());

        Browser visitor = visitor();
        Browser.Reply first = visitor.send("GET", "/api/consent", null, GPC);
        assertEquals(200, first.status(), first.toString());
        String id = visitor.cookie(CONSENT_COOKIE);
        assertNotNull(id, "the opt-out is remembered under a consent cookie: " + first.headers());
        JsonNode consent = first.json();
        assertFalse(purpose(consent, "analytics").path("granted").asBoolean(true));
        assertFalse(purpose(consent, "marketing").path("granted").asBoolean(true));
        assertTrue(purpose(consent, "social").path("granted").asBoolean(), "GPC says nothing about the public profile");
        assertEquals("gpc", purpose(consent, "analytics").path("source").asText());
        assertEquals(2, Rows.count(vitrine, "SELECT COUNT(*) FROM consent_records WHERE visitor_id = ? AND source = 'gpc' "
                + "AND NOT granted AND policy_id = 'ccpa' AND policy_version = '1' AND purpose IN ('analytics', 'marketing')", id));

        visitor.send("GET", "/api/consent", null, GPC);
        visitor.send("GET", "/api/consent", null, GPC);
        assertEquals(2, Rows.count(vitrine, "SELECT COUNT(*) FROM consent_records WHERE visitor_id = ?", id), "recorded once");

        Browser.Reply optIn = visitor.send("PUT", "/api/consent", body("purposes", Map.of("analytics", true), "source", "settings"), GPC);
        assertEquals(200, optIn.status(), optIn.toString());
        assertTrue(purpose(visitor.send("GET", "/api/consent", null, GPC).json(), "analytics").path("granted").asBoolean(),
                "a choice made after the signal wins and the signal is not recorded again");
        assertEquals(2, Rows.count(vitrine, "SELECT COUNT(*) FROM consent_records WHERE visitor_id = ? AND source = 'gpc'", id));
    }

    @Test
    void under_gdpr_a_gpc_signal_records_nothing_because_nothing_optional_runs_without_an_opt_in() throws Exception {
        Browser visitor = visitor();
        Browser.Reply reply = visitor.send("GET", "/api/consent", null, GPC);
        assertEquals(200, reply.status());
        assertNull(visitor.cookie(CONSENT_COOKIE));
        assertFalse(purpose(reply.json(), "analytics").path("granted").asBoolean(true));
    }

    @Test
    void the_admin_switches_the_policy_at_runtime_and_exactly_one_is_on() throws Exception {
        Browser visitor = visitor();
        assertEquals(200, visitor.put("/api/consent", body("purposes", Map.of("analytics", true, "social", true, "marketing", true))).status());

        HttpResponse<String> switched = vitrine.putAsAdmin("/api/admin/modules/consent-ccpa", "{\"enabled\": true}");
        assertEquals(200, switched.statusCode(), switched.body());
        assertEquals("enabled", VitrineInstance.JSON.readTree(switched.body()).path("state").asText());
        JsonNode gdpr = vitrine.module("consent-gdpr");
        assertEquals("disabled", gdpr.path("state").asText());
        assertEquals("consent", gdpr.path("category").asText());
        assertEquals("consent-policy", gdpr.path("exclusiveGroup").asText());
        awaitPolicy("ccpa", "1");

        JsonNode underCcpa = visitor.get("/api/consent").json();
        assertEquals("ccpa", underCcpa.path("policy").path("id").asText());
        assertTrue(underCcpa.path("needsDecision").asBoolean(), "choices made under another policy do not count");
        assertFalse(purpose(underCcpa, "analytics").path("decided").asBoolean(true));

        HttpResponse<String> back = vitrine.putAsAdmin("/api/admin/modules/consent-gdpr", "{\"enabled\": true}");
        assertEquals(200, back.statusCode(), back.body());
        assertEquals("disabled", vitrine.module("consent-ccpa").path("state").asText());
        awaitPolicy("gdpr", "1");
        JsonNode underGdpr = visitor.get("/api/consent").json();
        assertFalse(underGdpr.path("needsDecision").asBoolean(true), "the GDPR choices count again");
        assertTrue(purpose(underGdpr, "analytics").path("granted").asBoolean());

        HttpResponse<String> refused = vitrine.putAsAdmin("/api/admin/modules/consent-gdpr", "{\"enabled\": false}");
        assertEquals(409, refused.statusCode(), "a consent policy is always on: " + refused.body());
        assertTrue(refused.body().contains("consent-policy"), refused.body());
    }

    @Test
    void a_new_policy_version_asks_again_and_keeps_the_old_records() throws Exception {
        Browser visitor = visitor();
        assertEquals(200, visitor.put("/api/consent", body("purposes", Map.of("analytics", true, "social", true, "marketing", false))).status());
        String id = visitor.cookie(CONSENT_COOKIE);
        assertFalse(visitor.get("/api/consent").json().path("needsDecision").asBoolean(true));

        setVersion("gdpr", "2", "2025-09-01");
        JsonNode asked = visitor.get("/api/consent").json();
        assertEquals("2025-09-01", asked.path("policy").path("effectiveDate").asText());
        assertTrue(asked.path("needsDecision").asBoolean(), "the banner shows again");
        assertFalse(purpose(asked, "analytics").path("granted").asBoolean(true), "the old consent no longer counts");
        assertFalse(purpose(asked, "analytics").path("decided").asBoolean(true));
        assertEquals(3, Rows.count(vitrine, "SELECT COUNT(*) FROM consent_records WHERE visitor_id = ? AND policy_version = '1'", id),
                "the old records stay");

        assertEquals(200, visitor.put("/api/consent", body("purposes", Map.of("analytics", true, "social", false, "marketing", false))).status());
        assertEquals(3, Rows.count(vitrine, "SELECT COUNT(*) FROM consent_records WHERE visitor_id = ? AND policy_version = '2'", id));
        assertFalse(visitor.get("/api/consent").json().path("needsDecision").asBoolean(true));
    }

    @Test
    void a_visitors_choices_attach_to_the_account_when_they_sign_in() throws Exception {
        String email = Browser.newEmail("attach");
        Browser.registered(vitrine, email, PASSWORD).signOut();

        Browser browser = visitor();
        assertEquals(200, browser.put("/api/consent", body("purposes", Map.of("analytics", true, "social", true, "marketing", false))).status());
        String visitorId = browser.cookie(CONSENT_COOKIE);
        assertEquals(200, browser.signIn(email, PASSWORD).status());
        long account = browser.me().json().path("id").asLong();

        List<Map<String, Object>> attached = rows("SELECT a.purpose, a.granted, a.source, a.policy_version, v.visitor_id, v.source AS original "
                + "FROM consent_records a JOIN consent_records v ON v.id = a.attached_from "
                + "WHERE a.subject_type = 'account' AND a.account_id = ? ORDER BY a.purpose", account);
        assertEquals(List.of("analytics", "marketing", "social"), attached.stream().map(r -> r.get("purpose")).toList(), attached.toString());
        for (Map<String, Object> row : attached) {
            assertEquals("signin", row.get("source"));
            assertEquals(visitorId, row.get("visitor_id"), "each points at the visitor's own record");
            assertEquals("banner", row.get("original"));
            assertEquals("1", row.get("policy_version"));
        }
        assertEquals(false, bool(attached.get(1).get("granted")));

        JsonNode consent = browser.get("/api/consent").json();
        assertFalse(consent.path("needsDecision").asBoolean(true), consent.toString());
        assertTrue(purpose(consent, "social").path("granted").asBoolean());
        assertEquals("signin", purpose(consent, "social").path("source").asText());
        browser.get("/api/consent");
        assertEquals(3, Rows.count(vitrine, "SELECT COUNT(*) FROM consent_records WHERE account_id = ?", account), "attached once");
        assertEquals(3, Rows.count(vitrine, "SELECT COUNT(*) FROM consent_records WHERE visitor_id = ?", visitorId),
                "the visitor's own records stay as they were");
    }

    @Test
    void choices_made_before_registering_attach_to_the_new_account() throws Exception {
        Browser browser = visitor();
        assertEquals(200, browser.put("/api/consent", body("purposes", Map.of("analytics", false, "social", true, "marketing", true))).status());
        Browser.Reply registered = browser.registerAndSignIn(Browser.newEmail("newcomer"), PASSWORD, "Newcomer");
        assertEquals(200, registered.status(), registered.toString());
        long account = registered.json().path("id").asLong();
        assertEquals(3, Rows.count(vitrine, "SELECT COUNT(*) FROM consent_records WHERE account_id = ? AND source = 'signin'", account));
        assertTrue(purpose(browser.get("/api/consent").json(), "marketing").path("granted").asBoolean());
    }

    @Test
    void the_privacy_page_states_policy_region_retention_processors_and_contact() throws Exception {
        Browser.Reply reply = visitor().get("/api/privacy");
        assertEquals(200, reply.status(), reply.toString());
        JsonNode privacy = reply.json();
        assertEquals("gdpr", privacy.path("policy").path("id").asText());
        assertEquals("1", privacy.path("policy").path("version").asText());
        assertEquals("Example Design Lab", privacy.path("controller").asText());
        assertEquals("privacy@example.org", privacy.path("contact").path("email").asText());
        assertEquals("EU (Germany)", privacy.path("dataRegion").asText());
        assertTrue(privacy.path("retention").toString().contains("90 days"), privacy.toString());
        JsonNode processor = privacy.path("processors").path(0);
        assertEquals("Matomo Cloud", processor.path("name").asText());
        assertEquals("analytics", processor.path("purposes").path(0).asText());
        assertEquals(4, privacy.path("purposes").size());

        vitrine.setting("privacy.properties", "data.region", "EU (Finland)");
        VitrineInstance.await("the new data region on the privacy page", Duration.ofSeconds(10),
                () -> get("/api/privacy").contains("EU (Finland)"));
    }

    // ----------------------------------------------------------------------------------------------------------

    private static Browser visitor() {
        return new Browser(vitrine).keepCookie(CONSENT_COOKIE);
    }

    private static void usePolicy(String id) throws Exception {
        HttpResponse<String> reply = vitrine.putAsAdmin("/api/admin/modules/consent-" + id, "{\"enabled\": true}");
        assertEquals(200, reply.statusCode(), reply.body());
        awaitPolicy(id, null);
    }

    private static void setVersion(String policy, String version, String effectiveDate) throws Exception {
        vitrine.setting("privacy.properties", policy + ".version", version);
        vitrine.setting("privacy.properties", policy + ".effective.date", effectiveDate);
        awaitPolicy(policy, version);
    }

    private static void awaitPolicy(String id, String version) throws InterruptedException {
        VitrineInstance.await("policy " + id + " " + version + " in GET /api/consent", Duration.ofSeconds(20), () -> {
            try {
                JsonNode policy = VitrineInstance.JSON.readTree(get("/api/consent")).path("policy");
                return id.equals(policy.path("id").asText()) && (version == null || version.equals(policy.path("version").asText()));
            } catch (Exception notYet) {
                return false;
            }
        });
    }

    private static String get(String path) {
        try {
            return vitrine.get(path).body();
        } catch (Exception e) {
            return "";
        }
    }

    private static List<String> ids(JsonNode consent) {
        List<String> ids = new ArrayList<>();
        consent.path("purposes").forEach(p -> ids.add(p.path("id").asText()));
        return ids;
    }

    private static JsonNode purpose(JsonNode consent, String id) {
        for (JsonNode p : consent.path("purposes")) {
            if (id.equals(p.path("id").asText())) {
                return p;
            }
        }
        throw new AssertionError("no purpose " + id + " in " + consent);
    }

    private static Boolean bool(Object value) {
        return value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
    }

    private static List<Map<String, Object>> rows(String sql, Object... parameters) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection db = vitrine.database(); PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new java.util.LinkedHashMap<>();
                    for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                        row.put(rs.getMetaData().getColumnLabel(c), rs.getObject(c));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }
}
