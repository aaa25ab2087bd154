package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vitrine.it.Browser.body;
import static org.vitrine.it.Problems.assertProblem;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The public catalog's designers (in the list, as a filter, their own pages), who may edit a document, and
 * licences: the SPDX list, the configurable default, and changing a document's licence. Documents are put in
 * the database as an import leaves them.
 */
@Timeout(300)
class CatalogApiTest {

    private static final String PASSWORD = "lantern orchard 47 at dusk";
    private static final String ADMIN_PASSWORD = "granite harbour 19 by rail";
    private static VitrineInstance vitrine;
    private static Browser importer;
    private static Browser other;
    private static Browser admin;
    private static long importerId;
    private static long ada;
    private static long grace;
    private static long hidden;
    private static long percent;
    private static long pump;
    private static long bracket;
    private static long secret;

    @BeforeAll
    static void start() throws Exception {
        // the catalog is under test here, not e-mail verification (EmailVerificationTest): unverified accounts may publish
        vitrine = VitrineInstance.fresh("catalog-api").generousSignInLimits()
                .setting("platform.properties", "accounts.unverified.may.publish", "true").start();
        importer = Browser.registered(vitrine, Browser.newEmail("importer"), PASSWORD);
        importerId = importer.me().json().path("id").asLong();
        other = Browser.registered(vitrine, Browser.newEmail("other"), PASSWORD);
        String adminEmail = Browser.newEmail("catalog-admin");
        assertEquals(0, vitrine.commandWithInput(ADMIN_PASSWORD + "\n", "admin", "create", adminEmail).exitCode());
        admin = Browser.signedIn(vitrine, adminEmail, ADMIN_PASSWORD, "Admin");

        ada = CatalogSeed.designer(vitrine, "Ada Lovelace");
        grace = CatalogSeed.designer(vitrine, "Grace Hopper");
        hidden = CatalogSeed.designer(vitrine, "Hidden Person");
        percent = CatalogSeed.designer(vitrine, "100%_real");
        pump = CatalogSeed.document(vitrine, "Gear pump", importerId, "CC-BY-4.0", true);
        bracket = CatalogSeed.document(vitrine, "Shelf bracket", null, "CC-BY-4.0", true);
        secret = CatalogSeed.document(vitrine, "Withdrawn design", importerId, "CC-BY-4.0", false);
        long percentDoc = CatalogSeed.document(vitrine, "Percent plate", null, "MIT", true);
        CatalogSeed.credit(vitrine, pump, ada, "owner");
        CatalogSeed.credit(vitrine, pump, ada, "creator");
        CatalogSeed.credit(vitrine, pump, grace, "modifier");
        CatalogSeed.credit(vitrine, bracket, grace, "owner");
        CatalogSeed.credit(vitrine, secret, hidden, "owner");
        CatalogSeed.credit(vitrine, secret, ada, "creator");
        CatalogSeed.credit(vitrine, percentDoc, percent, "owner");
    }

    @AfterAll
    static void stop() throws Exception {
        if (vitrine != null) {
            vitrine.close();
        }
    }

    @Test
    void catalog_items_name_their_designers_once_each_owner_first() throws Exception {
        JsonNode page = new Browser(vitrine).get("/api/documents?size=100").json();
        JsonNode item = itemOf(page, pump);
        assertEquals(2, item.path("designers").size(), item.toString());
        assertEquals(ada, item.path("designers").get(0).path("id").asLong(), item.toString());
        assertEquals("Ada Lovelace", item.path("designers").get(0).path("name").asText());
        assertEquals(grace, item.path("designers").get(1).path("id").asLong());
        assertEquals(1, itemOf(page, bracket).path("designers").size());
    }

    @Test
    void the_designer_filter_lists_only_their_public_documents() throws Exception {
        Browser anonymous = new Browser(vitrine);
        JsonNode ofGrace = anonymous.get("/api/documents?designer=" + grace + "&sort=name").json();
        assertEquals(2, ofGrace.path("total").asLong(), ofGrace.toString());
        assertEquals(List.of(pump, bracket), ids(ofGrace));
        JsonNode ofAda = anonymous.get("/api/documents?designer=" + ada).json();
        assertEquals(List.of(pump), ids(ofAda), "the withdrawn document is not listed");
        assertEquals(0, anonymous.get("/api/documents?designer=" + hidden).json().path("total").asLong());
        assertEquals(1, anonymous.get("/api/documents?designer=" + grace + "&q=pump").json().path("total").asLong());
        for (String bad : List.of("abc", "0", "-4", "1.5")) {
            assertProblem(anonymous.get("/api/documents?designer=" + bad), 400, "'designer'");
        }
    }

    @Test
    void designers_are_listed_by_name_with_their_public_document_count() throws Exception {
        Browser anonymous = new Browser(vitrine);
        JsonNode all = anonymous.get("/api/designers").json();
        assertEquals(3, all.path("total").asLong(), "nobody without a public document: " + all);
        List<String> names = new ArrayList<>();
        all.path("items").forEach(i -> names.add(i.path("name").asText()));
        assertEquals(List.of("100%_real", "Ada Lovelace", "Grace Hopper"), names);
        assertEquals(1, byId(all, ada).path("documentCount").asLong(), "the withdrawn document does not count: " + all);
        assertEquals(2, byId(all, grace).path("documentCount").asLong());
        assertEquals(0, all.path("page").asInt());
        assertEquals(24, all.path("size").asInt());

        JsonNode found = anonymous.get("/api/designers?q=LOVE").json();
        assertEquals(1, found.path("total").asLong(), found.toString());
        assertEquals(ada, found.path("items").get(0).path("id").asLong());
        JsonNode literal = anonymous.get("/api/designers?q=%25_").json();
        assertEquals(1, literal.path("total").asLong(), "% and _ are matched literally: " + literal);
        assertEquals(percent, literal.path("items").get(0).path("id").asLong());

        JsonNode second = anonymous.get("/api/designers?size=2&page=1").json();
        assertEquals(1, second.path("items").size(), second.toString());
        assertEquals(grace, second.path("items").get(0).path("id").asLong());
        for (String bad : List.of("size=0", "size=101", "page=-1", "page=x")) {
            assertProblem(anonymous.get("/api/designers?" + bad), 400, "'" + bad.substring(0, bad.indexOf('=')) + "'");
        }
    }

    @Test
    void a_designer_page_shows_the_profile_and_unknown_or_hidden_designers_are_not_found() throws Exception {
        Browser anonymous = new Browser(vitrine);
        Browser.Reply profile = anonymous.get("/api/designers/" + grace);
        assertEquals(200, profile.status(), profile.toString());
        assertEquals("Grace Hopper", profile.json().path("name").asText());
        assertEquals("onshape", profile.json().path("provider").asText());
        assertEquals(2, profile.json().path("documentCount").asLong());
        assertProblem(anonymous.get("/api/designers/" + hidden), 404, "designer");
        assertProblem(anonymous.get("/api/designers/999999"), 404, "designer");
        assertProblem(anonymous.get("/api/designers/nobody"), 404, "designer");
    }

    @Test
    void only_the_importer_and_admins_can_edit_a_document() throws Exception {
        String path = "/api/documents/" + pump;
        assertFalse(new Browser(vitrine).get(path).json().path("canEdit").asBoolean(true), "anonymous");
        assertFalse(other.get(path).json().path("canEdit").asBoolean(true), "someone else");
        assertTrue(importer.get(path).json().path("canEdit").asBoolean(false), "the importer");
        assertTrue(admin.get(path).json().path("canEdit").asBoolean(false), "an admin");
        assertTrue(VitrineInstance.JSON.readTree(vitrine.getAsAdmin(path).body()).path("canEdit").asBoolean(false), "the ops token");
        assertFalse(importer.get("/api/documents/" + bracket).json().path("canEdit").asBoolean(true), "not imported by them");
    }

    @Test
    void the_licence_list_is_spdx_with_names_for_common_licences() throws Exception {
        JsonNode answer = new Browser(vitrine).get("/api/licences").json();
        assertEquals("CC-BY-4.0", answer.path("default").asText(), answer.toString().substring(0, 200));
        JsonNode licences = answer.path("licences");
        assertTrue(licences.size() > 600, "the whole SPDX list: " + licences.size());
        assertEquals("CC-BY-4.0", licences.get(0).path("id").asText(), "common licences first");
        assertEquals("Creative Commons Attribution 4.0 International", licences.get(0).path("name").asText());
        assertEquals("CERN Open Hardware Licence Version 2 - Strongly Reciprocal", nameOf(licences, "CERN-OHL-S-2.0"));
        licences.forEach(l -> assertFalse(l.path("id").asText().startsWith("LicenseRef-"), "SPDX ids only: " + l));
        assertEquals("Zed", nameOf(licences, "Zed"), "rare licences are named by their id");
    }

    @Test
    void the_importer_changes_the_licence_and_the_change_is_audited() throws Exception {
        long doc = CatalogSeed.document(vitrine, "Licensed widget", importerId, "CC-BY-4.0", true);
        String path = "/api/documents/" + doc + "/licence";

        assertProblem(new Browser(vitrine).put(path, body("licence", "MIT")), 401, "sign in");
        assertProblem(other.put(path, body("licence", "MIT")), 403, "imported");
        assertProblem(importer.withoutCsrfToken("PUT", path, body("licence", "MIT")), 403, "CSRF");
        assertProblem(importer.put(path, body("licence", "LicenseRef-All-rights-reserved")), 400, "'licence'");
        assertProblem(importer.put(path, body("licence", "")), 400, "licence");
        assertProblem(importer.put(path, "{not json"), 400, "");
        assertEquals("CC-BY-4.0", new Browser(vitrine).get("/api/documents/" + doc).json().path("licence").asText(),
                "nothing changed");

        Browser.Reply changed = importer.put(path, body("licence", "cern-ohl-s-2.0"));
        assertEquals(200, changed.status(), changed.toString());
        assertEquals(doc, changed.json().path("id").asLong());
        assertEquals("CERN-OHL-S-2.0", changed.json().path("licence").asText(), "as SPDX writes it");
        assertEquals("CERN-OHL-S-2.0", new Browser(vitrine).get("/api/documents/" + doc).json().path("licence").asText());
        JsonNode filtered = new Browser(vitrine).get("/api/documents?licence=CERN-OHL-S-2.0").json();
        assertEquals(List.of(doc), ids(filtered));

        List<AuditTrail.Event> events = AuditTrail.of(vitrine, "document.licence").stream()
                .filter(e -> ("document:" + doc).equals(e.target())).toList();
        assertTrue(events.stream().anyMatch(e -> e.outcome().equals("success") && e.actor().equals("account:" + importerId)
                && "CC-BY-4.0 -> CERN-OHL-S-2.0".equals(e.detail()) && "127.0.0.1".equals(e.ip())), events.toString());
        assertTrue(events.stream().anyMatch(e -> e.outcome().equals("refused")), "the refusal too: " + events);

        HttpResponse<String> byToken = vitrine.putAsAdmin(path, "{\"licence\": \"CC0-1.0\"}");
        assertEquals(200, byToken.statusCode(), byToken.body());
        assertEquals(200, admin.put(path, body("licence", "MIT")).status(), "a signed-in admin too");
    }

    @Test
    void the_licence_of_a_missing_or_withdrawn_document_cannot_change() throws Exception {
        assertProblem(importer.put("/api/documents/999999/licence", body("licence", "MIT")), 404, "document");
        assertProblem(importer.put("/api/documents/" + secret + "/licence", body("licence", "MIT")), 410, "taken down");
        assertProblem(importer.put("/api/documents/x/licence", body("licence", "MIT")), 404, "document");
    }

    @Test
    void the_default_licence_is_configurable_and_a_bad_one_is_reported() throws Exception {
        try {
            vitrine.setting("platform.properties", "catalog.default.licence", "No-Such-Licence");
            JsonNode[] health = new JsonNode[1];
            VitrineInstance.await("health to report the bad default licence", Duration.ofSeconds(20), () -> {
                health[0] = json(get("/api/health"));
                return "DEGRADED".equals(health[0].path("status").asText());
            });
            String detail = health[0].path("checks").toString();
            assertTrue(detail.contains("catalog.default.licence") && detail.contains("No-Such-Licence")
                    && detail.contains("platform.properties"), detail);
            assertEquals("CC-BY-4.0", json(get("/api/licences")).path("default").asText(), "meanwhile the built-in default");

            vitrine.setting("platform.properties", "catalog.default.licence", "CERN-OHL-W-2.0");
            VitrineInstance.await("the new default", Duration.ofSeconds(20),
                    () -> "CERN-OHL-W-2.0".equals(json(get("/api/licences")).path("default").asText()));
            assertEquals("UP", json(get("/api/health")).path("status").asText());
        } finally {
            vitrine.setting("platform.properties", "catalog.default.licence", "CC-BY-4.0");
            VitrineInstance.await("the default back", Duration.ofSeconds(20),
                    () -> "CC-BY-4.0".equals(json(get("/api/licences")).path("default").asText()));
        }
    }

    private static HttpResponse<String> get(String path) {
        try {
            return vitrine.get(path);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return VitrineInstance.JSON.readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode itemOf(JsonNode page, long id) {
        for (JsonNode item : page.path("items")) {
            if (item.path("id").asLong() == id) {
                return item;
            }
        }
        throw new AssertionError("document " + id + " is not listed: " + page);
    }

    private static JsonNode byId(JsonNode page, long id) {
        return itemOf(page, id);
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.path("items").forEach(i -> ids.add(i.path("id").asLong()));
        return ids;
    }

    private static String nameOf(JsonNode licences, String id) {
        for (JsonNode l : licences) {
            if (l.path("id").asText().equals(id)) {
                return l.path("name").asText();
            }
        }
        throw new AssertionError(id + " is not listed");
    }
}
