package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vitrine.it.Browser.body;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Consent is enforced, not only recorded: the analytics script is in the page only for people who allow analytics
 * (at once gone after a withdrawal, and honouring Global Privacy Control under the CCPA), and a designer's avatar and
 * company are public only while the account they are linked to allows the social purpose.
 */
@Timeout(300)
class ConsentEnforcementTest {

    private static final String CONSENT_COOKIE = "vitrine_consent";
    private static final String SCRIPT = "https://stats.example.org/matomo.js";
    private static final String SCRIPT_TAG = "<script src=\"" + SCRIPT + "\"";
    private static final String PASSWORD = "amber heron 73 over the weir";
    private static VitrineInstance vitrine;

    @BeforeAll
    static void start() throws Exception {
        vitrine = VitrineInstance.fresh("consent-enforcement").generousSignInLimits()
                .setting("privacy.properties", "analytics.script.url", SCRIPT)
                .setting("privacy.properties", "processors", "matomo")
                .setting("privacy.properties", "processor.matomo.name", "Matomo Cloud")
                .setting("privacy.properties", "processor.matomo.purposes", "analytics")
                .start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (vitrine != null) {
            vitrine.close();
        }
    }

    @Test
    void the_analytics_script_is_absent_until_a_visitor_consents_and_gone_after_they_withdraw() throws Exception {
        Browser visitor = new Browser(vitrine).keepCookie(CONSENT_COOKIE);
        Browser.Reply before = visitor.get("/");
        assertEquals(200, before.status());
        assertFalse(before.body().contains(SCRIPT_TAG), "no consent yet under the GDPR");
        assertEquals("no-cache", before.header("Cache-Control").orElse(""));
        String csp = before.header("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self' https://stats.example.org") && csp.contains("connect-src 'self' https://stats.example.org"), csp);

        assertEquals(200, visitor.put("/api/consent", body("purposes", Map.of("analytics", true))).status());
        assertTrue(visitor.get("/").body().contains(SCRIPT_TAG), "after accepting");
        assertTrue(visitor.get("/designers").body().contains(SCRIPT_TAG), "on every page of the app");

        assertEquals(200, visitor.put("/api/consent", body("purposes", Map.of("analytics", false), "source", "settings")).status());
        assertFalse(visitor.get("/").body().contains(SCRIPT_TAG), "after withdrawing");
        assertFalse(new Browser(vitrine).get("/").body().contains(SCRIPT_TAG), "someone else never asked");
    }

    @Test
    void a_signed_in_person_gets_the_script_by_their_account_choice() throws Exception {
        Browser person = Browser.registered(vitrine, Browser.newEmail("ana"), PASSWORD);
        assertFalse(person.get("/").body().contains(SCRIPT_TAG));
        assertEquals(200, person.put("/api/consent", body("purposes", Map.of("analytics", true))).status());
        assertTrue(person.get("/").body().contains(SCRIPT_TAG));

        String session = person.sessionCookie();
        Browser sameAccount = new Browser(vitrine);
        sameAccount.useSessionCookie(session);
        assertTrue(sameAccount.get("/").body().contains(SCRIPT_TAG), "the account's choice, without a consent cookie");
        assertEquals(200, person.put("/api/consent", body("purposes", Map.of("analytics", false))).status());
        assertFalse(sameAccount.get("/").body().contains(SCRIPT_TAG));
    }

    @Test
    void under_the_ccpa_the_script_is_there_by_default_and_gone_once_global_privacy_control_is_recorded() throws Exception {
        usePolicy("ccpa");
        try {
            Browser visitor = new Browser(vitrine).keepCookie(CONSENT_COOKIE);
            assertTrue(visitor.get("/").body().contains(SCRIPT_TAG), "opt-out: on until the person objects");
            assertFalse(visitor.send("GET", "/", null, Map.of("Sec-GPC", "1")).body().contains(SCRIPT_TAG),
                    "the signal counts from the first page");

            Browser.Reply consent = visitor.send("GET", "/api/consent", null, Map.of("Sec-GPC", "1"));
            assertEquals(200, consent.status(), consent.toString());
            assertTrue(visitor.cookie(CONSENT_COOKIE) != null, "the signal was recorded for a new visitor id");
            assertFalse(visitor.get("/").body().contains(SCRIPT_TAG), "recorded: gone even without the header");

            assertEquals(200, visitor.put("/api/consent", body("purposes", Map.of("analytics", true), "source", "settings")).status());
            assertTrue(visitor.send("GET", "/", null, Map.of("Sec-GPC", "1")).body().contains(SCRIPT_TAG),
                    "a choice made after the recorded signal wins");
        } finally {
            usePolicy("gdpr");
        }
    }

    @Test
    void a_designers_avatar_and_company_are_public_only_while_their_account_allows_social() throws Exception {
        Browser person = Browser.registered(vitrine, Browser.newEmail("bea"), PASSWORD);
        long account = person.me().json().path("id").asLong();
        execute("UPDATE accounts SET avatar_url = 'https://img.example.org/bea.png', company = 'Quillfeather Works' WHERE id = ?", account);
        long linked = CatalogSeed.designer(vitrine, "Bea Onshape");
        execute("UPDATE designers SET account_id = ? WHERE id = ?", account, linked);
        long unlinked = CatalogSeed.designer(vitrine, "Cem Onshape");
        execute("UPDATE designers SET avatar_url = 'https://img.example.org/cem.png', company = 'Brasswind Ltd' WHERE id = ?", unlinked);
        long document = CatalogSeed.document(vitrine, "Enforced gearbox", null, "CC-BY-4.0", true);
        CatalogSeed.credit(vitrine, document, linked, "owner");
        CatalogSeed.credit(vitrine, document, unlinked, "creator");

        assertHidden(linked, "Bea Onshape");
        assertHidden(unlinked, "Cem Onshape");
        assertEquals(0, json("/api/designers?q=Quillfeather").path("total").asInt(), "the hidden company finds nobody");
        assertEquals(0, json("/api/designers?q=Brasswind").path("total").asInt());

        assertEquals(200, person.put("/api/consent", body("purposes", Map.of("social", true), "source", "settings")).status());
        JsonNode profile = json("/api/designers/" + linked);
        assertEquals("Bea Onshape", profile.path("name").asText(), "the provider's name stays the name");
        assertEquals("https://img.example.org/bea.png", profile.path("avatarUrl").asText(), profile.toString());
        assertEquals("Quillfeather Works", profile.path("company").asText());
        JsonNode listed = item(json("/api/designers?q=Bea+Onshape"), linked);
        assertEquals("https://img.example.org/bea.png", listed.path("avatarUrl").asText(), listed.toString());
        assertHidden(unlinked, "Cem Onshape");
        assertEquals(0, json("/api/designers?q=Quillfeather").path("total").asInt(), "search never looks at the company");

        assertEquals(200, person.put("/api/consent", body("purposes", Map.of("social", false), "source", "settings")).status());
        assertHidden(linked, "Bea Onshape");
        JsonNode credits = json("/api/documents/" + document).path("designers");
        assertEquals("Bea Onshape", credits.path(0).path("name").asText(), credits.toString());
        assertFalse(credits.toString().contains("Quillfeather") || credits.toString().contains("bea.png"), credits.toString());
    }

    private static void assertHidden(long designer, String name) throws Exception {
        JsonNode profile = json("/api/designers/" + designer);
        assertEquals(name, profile.path("name").asText(), profile.toString());
        assertTrue(profile.path("avatarUrl").isMissingNode() && profile.path("company").isMissingNode(), profile.toString());
        JsonNode listed = item(json("/api/designers?q=" + name.replace(' ', '+')), designer);
        assertTrue(listed.path("avatarUrl").isMissingNode(), listed.toString());
        JsonNode documents = json("/api/documents?designer=" + designer);
        assertFalse(documents.toString().contains("img.example.org"), documents.toString());
    }

    private static JsonNode json(String path) throws Exception {
        HttpResponse<String> reply = vitrine.get(path);
        assertEquals(200, reply.statusCode(), path + ": " + reply.body());
        return VitrineInstance.JSON.readTree(reply.body());
    }

    private static JsonNode item(JsonNode page, long id) {
        for (JsonNode item : page.path("items")) {
            if (item.path("id").asLong() == id) {
                return item;
            }
        }
        throw new AssertionError("designer " + id + " not in " + page);
    }

    private static void execute(String sql, Object... values) throws Exception {
        try (Connection c = vitrine.database(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                st.setObject(i + 1, values[i]);
            }
            assertEquals(1, st.executeUpdate(), sql);
        }
    }

    private static void usePolicy(String id) throws Exception {
        HttpResponse<String> reply = vitrine.putAsAdmin("/api/admin/modules/consent-" + id, "{\"enabled\": true}");
        assertEquals(200, reply.statusCode(), reply.body());
        VitrineInstance.await("policy " + id + " in GET /api/consent", Duration.ofSeconds(20), () -> {
            try {
                return id.equals(VitrineInstance.JSON.readTree(vitrine.get("/api/consent").body()).path("policy").path("id").asText());
            } catch (Exception notYet) {
                return false;
            }
        });
    }
}
