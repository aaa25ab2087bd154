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
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Removing a document on request: its importer (or an admin) asks, and the document is taken down at once but kept:
 * 410 with a short reason, gone from the catalog, search and the designers' pages, previews no longer served. An
 * admin restores it; a moderator may not, since its importer asked for its removal. Everything is audited.
 */
@Timeout(300)
class DocumentTakedownTest {

    private static final String PASSWORD = "beacon meadow 62 at low tide";
    private static VitrineInstance vitrine;
    private static Browser importer;
    private static long importerId;
    private static Browser other;
    private static long otherId;
    private static Browser moderator;
    private static Browser admin;
    private static long adminId;

    @BeforeAll
    static void start() throws Exception {
        // the catalog cache on, as shipped: a takedown or a restore must show in listings and search at once
        vitrine = VitrineInstance.fresh("document-takedown").generousSignInLimits()
                .setting("store-mariadb.properties", "catalog.cache.seconds", "60").start();
        importer = Browser.registered(vitrine, Browser.newEmail("importer"), PASSWORD);
        importerId = importer.me().json().path("id").asLong();
        other = Browser.registered(vitrine, Browser.newEmail("other"), PASSWORD);
        otherId = other.me().json().path("id").asLong();
        moderator = Staff.signedIn(vitrine, "moderator", PASSWORD, "moderator");
        admin = Staff.signedIn(vitrine, "admin", PASSWORD, "admin");
        adminId = admin.me().json().path("id").asLong();
    }

    @AfterAll
    static void stop() throws Exception {
        if (vitrine != null) {
            vitrine.close();
        }
    }

    @Test
    void the_importers_deletion_request_takes_the_document_down_everywhere_at_once() throws Exception {
        long designer = CatalogSeed.designer(vitrine, "Marguerite Perey");
        long doc = CatalogSeed.document(vitrine, "Zircon sprocket", importerId, "CC-BY-4.0", true);
        CatalogSeed.credit(vitrine, doc, designer, "owner");
        byte[] image = CatalogSeed.preview(vitrine, doc);
        Browser anonymous = new Browser(vitrine);
        assertEquals(200, anonymous.get("/api/documents/" + doc).status());
        assertEquals(new String(image), anonymous.get("/api/documents/" + doc + "/previews/300x170").body(), "served before");
        assertEquals(List.of(doc), ids(anonymous.get("/api/documents?q=zircon").json()));
        assertEquals(1, anonymous.get("/api/designers/" + designer).json().path("documentCount").asLong());

        Browser.Reply asked = importer.post("/api/documents/" + doc + "/deletion", body("reason", "I published it by mistake."));
        assertEquals(200, asked.status(), asked.toString());
        assertEquals(doc, asked.json().path("documentId").asLong());
        assertEquals("disabled", asked.json().path("status").asText());
        long request = asked.json().path("requestId").asLong();

        assertProblem(anonymous.get("/api/documents/" + doc), 410, "at the request of the person who published it");
        assertProblem(importer.get("/api/documents/" + doc), 410, "taken down");
        assertProblem(anonymous.get("/api/documents/" + doc + "/previews/300x170"), 410, "taken down");
        assertFalse(ids(anonymous.get("/api/documents?size=100").json()).contains(doc), "gone from the gallery");
        assertEquals(0, anonymous.get("/api/documents?q=zircon").json().path("total").asLong(), "gone from search");
        assertEquals(0, anonymous.get("/api/documents?designer=" + designer).json().path("total").asLong());
        assertProblem(anonymous.get("/api/designers/" + designer), 404, "designer");
        assertFalse(anonymous.get("/api/designers?q=Perey").body().contains("Perey"), "no longer listed among designers");
        assertProblem(importer.put("/api/documents/" + doc + "/licence", body("licence", "MIT")), 410, "taken down");

        assertEquals("disabled", column(doc, "status"));
        assertNotNull(column(doc, "disabled_at"), "kept, with the time");
        assertEquals("applied", requestColumn(request, "state"));
        assertEquals("I published it by mistake.", requestColumn(request, "reason"));
        assertEquals(String.valueOf(importerId), requestColumn(request, "requested_by"));
        assertEquals(1, Rows.count(vitrine, "SELECT COUNT(*) FROM documents WHERE id = ?", doc), "not removed");
        assertEquals(1, Rows.count(vitrine, "SELECT COUNT(*) FROM previews WHERE document_id = ?", doc), "previews kept too");
        assertTrue(AuditTrail.of(vitrine, "document.deletion-request").stream().anyMatch(e -> e.target().equals("document:" + doc)
                && e.actor().equals("account:" + importerId) && e.outcome().equals("success") && "127.0.0.1".equals(e.ip())));
    }

    @Test
    void only_the_importer_or_an_admin_may_ask_and_nothing_changes_otherwise() throws Exception {
        long doc = CatalogSeed.document(vitrine, "Guarded hinge", importerId, "CC-BY-4.0", true);
        String path = "/api/documents/" + doc + "/deletion";
        assertProblem(new Browser(vitrine).post(path, body("reason", "no")), 401, "sign in");
        assertProblem(other.post(path, body("reason", "no")), 403, "imported");
        assertProblem(moderator.post(path, body("reason", "no")), 403, "imported");
        assertProblem(importer.withoutCsrfToken("POST", path, body("reason", "no")), 403, "CSRF");
        assertProblem(importer.post(path, body("reason", "x".repeat(2001))), 400, "'reason'");
        assertProblem(importer.post("/api/documents/999999/deletion", null), 404, "document");
        assertProblem(importer.post("/api/documents/abc/deletion", null), 404, "document");
        assertEquals(200, new Browser(vitrine).get("/api/documents/" + doc).status(), "still shown");
        assertEquals(0, Rows.count(vitrine, "SELECT COUNT(*) FROM deletion_requests WHERE document_id = ?", doc));
        assertTrue(AuditTrail.of(vitrine, "document.deletion-request").stream().anyMatch(e -> e.target().equals("document:" + doc)
                && e.outcome().equals("refused") && e.actor().equals("account:" + otherId)), "the refusal is audited");

        Browser.Reply byAdmin = admin.post(path, null);
        assertEquals(200, byAdmin.status(), byAdmin.toString());
        assertProblem(new Browser(vitrine).get("/api/documents/" + doc), 410, "by an administrator");
        assertNull(requestColumn(byAdmin.json().path("requestId").asLong(), "reason"), "no reason given");
    }

    @Test
    void an_admin_restores_it_and_it_comes_back_everywhere() throws Exception {
        long designer = CatalogSeed.designer(vitrine, "Chien-Shiung Wu");
        long doc = CatalogSeed.document(vitrine, "Quokka gearbox", importerId, "CC-BY-4.0", true);
        CatalogSeed.credit(vitrine, doc, designer, "owner");
        CatalogSeed.preview(vitrine, doc);
        long request = importer.post("/api/documents/" + doc + "/deletion", null).json().path("requestId").asLong();
        Browser anonymous = new Browser(vitrine);
        assertProblem(anonymous.get("/api/documents/" + doc), 410, "taken down");

        assertProblem(moderator.post("/api/moderation/documents/" + doc + "/restore", null), 403, "only an admin");
        assertProblem(importer.post("/api/admin/documents/" + doc + "/restore", null), 403, "admin");
        assertProblem(anonymous.post("/api/admin/documents/" + doc + "/restore", null), 401, "admin");
        assertProblem(anonymous.get("/api/documents/" + doc), 410, "taken down");

        Browser.Reply restored = admin.post("/api/admin/documents/" + doc + "/restore", body("note", "asked by mistake"));
        assertEquals(200, restored.status(), restored.toString());
        assertEquals("public", restored.json().path("status").asText());
        assertEquals(200, anonymous.get("/api/documents/" + doc).status());
        assertEquals(200, anonymous.get("/api/documents/" + doc + "/previews/300x170").status());
        assertEquals(List.of(doc), ids(anonymous.get("/api/documents?q=quokka").json()));
        assertEquals(1, anonymous.get("/api/designers/" + designer).json().path("documentCount").asLong());
        assertEquals("public", column(doc, "status"));
        assertNull(column(doc, "disabled_reason"));
        assertNull(column(doc, "disabled_at"));
        assertEquals("restored", requestColumn(request, "state"));
        assertTrue(AuditTrail.of(vitrine, "document.restore").stream().anyMatch(e -> e.target().equals("document:" + doc)
                && e.actor().equals("account:" + adminId) && e.outcome().equals("success") && "asked by mistake".equals(e.detail())));
        assertTrue(AuditTrail.of(vitrine, "document.restore").stream().anyMatch(e -> e.target().equals("document:" + doc)
                && e.outcome().equals("refused")), "the moderator's refusal is audited");

        assertProblem(admin.post("/api/admin/documents/" + doc + "/restore", null), 409, "not taken down");
        assertProblem(admin.post("/api/admin/documents/999999/restore", null), 404, "document");
        HttpResponse<String> byToken = vitrine.postAsAdmin("/api/documents/" + doc + "/deletion", "{}");
        assertEquals(200, byToken.statusCode(), byToken.body());
        HttpResponse<String> restoredByToken = vitrine.postAsAdmin("/api/admin/documents/" + doc + "/restore", "{}");
        assertEquals(200, restoredByToken.statusCode(), restoredByToken.body());
    }

    private static String column(long doc, String column) throws Exception {
        return read("SELECT " + column + " FROM documents WHERE id = ?", doc);
    }

    private static String requestColumn(long request, String column) throws Exception {
        return read("SELECT " + column + " FROM deletion_requests WHERE id = ?", request);
    }

    private static String read(String sql, long id) throws Exception {
        try (Connection db = vitrine.database(); PreparedStatement select = db.prepareStatement(sql)) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
                assertTrue(rs.next(), sql + " " + id);
                return rs.getString(1);
            }
        }
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.path("items").forEach(i -> ids.add(i.path("id").asLong()));
        return ids;
    }
}
