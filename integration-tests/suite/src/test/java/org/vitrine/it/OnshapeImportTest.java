package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vitrine.it.onshape.FakeOnshape;

import com.fasterxml.jackson.databind.JsonNode;

/** Signing in with Onshape, the import picker, and importing documents from it, against the fake Onshape. */
@Timeout(600)
class OnshapeImportTest {

    @RegisterExtension
    static final FakeOnshape onshape = FakeOnshape.start();
    private static VitrineInstance vitrine;

    @BeforeAll
    static void start() throws Exception {
        vitrine = OnshapeSignInFlow.connect(VitrineInstance.fresh("onshape-import"), onshape).start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (vitrine != null) {
            vitrine.close();
        }
    }

    @Test
    void signing_in_with_onshape_creates_an_account_from_the_profile_and_the_next_sign_in_reuses_it() throws Exception {
        Browser browser = new Browser(vitrine);
        var outcome = OnshapeSignInFlow.signIn(vitrine, browser, "/imports");
        java.net.URI back = java.net.URI.create(outcome.location());
        assertEquals("/imports", back.getPath(), "returns to where the person was");
        assertTrue(back.getHost() == null || back.getHost().equals("127.0.0.1"), "only ever to this site: " + back);
        JsonNode me = browser.me().json();
        var user = onshape.signedInUser();
        assertEquals(user.email().toLowerCase(), me.path("email").asText(), me.toString());
        assertEquals(user.name(), me.path("displayName").asText());
        assertEquals(user.image(), me.path("avatarUrl").asText(null), "the avatar comes from Onshape too");

        Browser again = new Browser(vitrine);
        OnshapeSignInFlow.signIn(vitrine, again, null);
        assertEquals(me.path("id").asLong(), again.me().json().path("id").asLong(), "the same account");
        assertTrue(vitrine.get("/api/auth/methods").body().contains("\"onshape\""));
    }

    @Test
    void the_picker_lists_every_page_of_the_persons_documents_and_streams_thumbnails() throws Exception {
        List<String> seeded = onshape.seedDocuments(45);
        Browser browser = new Browser(vitrine);
        OnshapeSignInFlow.signIn(vitrine, browser, null);
        Set<String> listed = new HashSet<>();
        int page = 0;
        boolean more = true;
        while (more) {
            JsonNode result = browser.get("/api/providers/onshape/documents?page=" + page).json();
            result.path("items").forEach(i -> listed.add(i.path("id").asText()));
            more = result.path("hasMore").asBoolean();
            page++;
            assertTrue(page < 10, "paging ends");
        }
        assertTrue(listed.containsAll(seeded), "all 45 listed over " + page + " pages");
        Browser.Reply thumbnail = browser.get("/api/providers/onshape/documents/" + seeded.get(0) + "/thumbnail");
        assertEquals(200, thumbnail.status(), thumbnail.toString());
        assertEquals("image/png", thumbnail.contentType());
        assertTrue(thumbnail.header("Cache-Control").orElse("").contains("private"));
    }

    @Test
    void imported_documents_are_public_with_previews_elements_workspaces_versions_and_designers() throws Exception {
        List<String> seeded = onshape.seedDocuments(3);
        Browser browser = new Browser(vitrine);
        OnshapeSignInFlow.signIn(vitrine, browser, null);
        Browser.Reply started = browser.post("/api/imports", Browser.body("provider", "onshape", "documentIds", seeded, "rightsConfirmed", true));
        assertEquals(202, started.status(), started.toString());
        long job = started.json().path("id").asLong();
        JsonNode finished = awaitJob(browser, job);
        assertEquals(3, finished.path("done").asInt(), finished.toString());
        long documentId = finished.path("items").get(0).path("documentId").asLong();

        Browser anonymous = new Browser(vitrine);
        Browser.Reply document = anonymous.get("/api/documents/" + documentId);
        assertEquals(200, document.status(), document.toString());
        JsonNode d = document.json();
        assertEquals(onshape.document(seeded.get(0)).name(), d.path("name").asText());
        assertTrue(d.path("elements").size() >= 1, d.toString());
        assertTrue(d.path("workspaces").size() >= 1, d.toString());
        assertTrue(d.path("designers").size() >= 1, d.toString());
        assertTrue(d.path("previews").has("300x170"), d.toString());
        Browser.Reply preview = anonymous.get(d.path("previews").path("300x170").asText());
        assertEquals(200, preview.status());
        assertEquals("image/png", preview.contentType());
    }

    @Test
    void imported_documents_are_found_in_the_public_catalog_and_bad_parameters_are_named() throws Exception {
        String id = onshape.addDocument(org.vitrine.it.onshape.FakeDocument.named("Planetary gearbox housing"));
        Browser browser = new Browser(vitrine);
        OnshapeSignInFlow.signIn(vitrine, browser, null);
        long job = browser.post("/api/imports", Browser.body("provider", "onshape", "documentIds", List.of(id), "rightsConfirmed", true)).json().path("id").asLong();
        assertEquals(1, awaitJob(browser, job).path("done").asInt());

        Browser anonymous = new Browser(vitrine);
        JsonNode found = anonymous.get("/api/documents?q=gearbox").json();
        assertEquals(1, found.path("total").asLong(), found.toString());
        assertEquals("Planetary gearbox housing", found.path("items").get(0).path("name").asText());
        assertTrue(found.path("items").get(0).path("thumbnailUrl").asText().matches("/api/previews/[0-9a-f]{64}/[0-9a-f]{20}"), found.toString());
        assertEquals("CC-BY-4.0", found.path("items").get(0).path("licence").asText(), "the default licence");
        JsonNode designer = found.path("items").get(0).path("designers").path(0);
        assertTrue(designer.path("id").asLong() > 0 && !designer.path("name").asText().isBlank(), found.toString());
        JsonNode ofDesigner = anonymous.get("/api/documents?q=gearbox&designer=" + designer.path("id").asLong()).json();
        assertEquals(1, ofDesigner.path("total").asLong(), ofDesigner.toString());
        assertTrue(anonymous.get("/api/designers/" + designer.path("id").asLong()).json().path("documentCount").asLong() >= 1);
        assertEquals(0, anonymous.get("/api/documents?q=unicorn").json().path("total").asLong());
        JsonNode all = anonymous.get("/api/documents?sort=name&size=100").json();
        assertTrue(all.path("total").asLong() >= 1 && all.path("items").size() == Math.min(100, all.path("total").asInt()), all.toString());

        for (String bad : new String[] {"size=0", "size=101", "page=-1", "page=x", "sort=random"}) {
            Browser.Reply refused = anonymous.get("/api/documents?" + bad);
            assertEquals(400, refused.status(), bad);
            assertTrue(refused.detail().contains(bad.substring(0, bad.indexOf('='))), refused.toString());
        }
    }

    @Test
    void new_documents_get_the_configured_default_licence_and_the_job_is_listed() throws Exception {
        String id = onshape.addDocument(org.vitrine.it.onshape.FakeDocument.named("Open hardware hinge"));
        vitrine.setting("platform.properties", "catalog.default.licence", "cern-ohl-p-2.0");
        try {
            awaitDefaultLicence("CERN-OHL-P-2.0");
            Browser browser = new Browser(vitrine);
            OnshapeSignInFlow.signIn(vitrine, browser, null);
            long job = browser.post("/api/imports", Browser.body("provider", "onshape", "documentIds", List.of(id), "rightsConfirmed", true)).json().path("id").asLong();
            JsonNode finished = awaitJob(browser, job);
            assertEquals(job, browser.get("/api/imports").json().path("items").get(0).path("id").asLong(), "newest first");
            long documentId = finished.path("items").get(0).path("documentId").asLong();
            JsonNode document = browser.get("/api/documents/" + documentId).json();
            assertEquals("CERN-OHL-P-2.0", document.path("licence").asText(), document.toString());
            assertTrue(document.path("canEdit").asBoolean(false), "the importer may edit it");
        } finally {
            vitrine.setting("platform.properties", "catalog.default.licence", "CC-BY-4.0");
            awaitDefaultLicence("CC-BY-4.0");
        }
    }

    private static void awaitDefaultLicence(String licence) throws Exception {
        VitrineInstance.await("the default licence " + licence, Duration.ofSeconds(20), () -> {
            try {
                return new Browser(vitrine).get("/api/licences").json().path("default").asText().equals(licence);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static JsonNode awaitJob(Browser browser, long job) throws Exception {
        JsonNode[] last = new JsonNode[1];
        VitrineInstance.await("import job " + job + " to complete", Duration.ofSeconds(120), () -> {
            try {
                last[0] = browser.get("/api/imports/" + job).json();
                return "completed".equals(last[0].path("state").asText());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return last[0];
    }
}
