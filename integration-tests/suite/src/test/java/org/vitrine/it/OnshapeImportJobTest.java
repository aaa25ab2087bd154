package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vitrine.it.onshape.FakeDocument;
import org.vitrine.it.onshape.FakeOnshape;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Import jobs of Onshape documents chosen in the picker: how a job is accepted and followed, who may follow it,
 * that Onshape must be connected first, that a document Onshape will not give fails on its own with a reason
 * while the others are imported, that importing again updates the same document, that an import waits while the blob
 * storage refuses writes (saying so without server detail) and goes on by itself, and that failed documents can be
 * retried.
 */
@Timeout(300)
class OnshapeImportJobTest {

    private static final String PASSWORD = "seven copper kettles sing";

    @RegisterExtension
    static final FakeOnshape onshape = FakeOnshape.start();
    private static VitrineInstance vitrine;
    private static Browser designer;

    @BeforeAll
    static void start() throws Exception {
        vitrine = OnshapeSignInFlow.connect(VitrineInstance.fresh("onshape-jobs").generousSignInLimits(), onshape).start();
        designer = new Browser(vitrine);
        OnshapeSignInFlow.signIn(vitrine, designer, null);
    }

    @AfterAll
    static void stop() throws Exception {
        if (vitrine != null) {
            vitrine.close();
        }
    }

    @Test
    void an_import_is_accepted_at_once_and_its_progress_shows_every_document() throws Exception {
        List<String> ids = onshape.seedDocuments(3);

        Browser.Reply started = designer.post("/api/imports", Browser.body("provider", "onshape", "documentIds", ids, "rightsConfirmed", true));

        long job = ImportJobs.accepted(started);
        JsonNode accepted = started.json();
        assertTrue(Set.of("queued", "running").contains(accepted.path("state").asText()), accepted.toString());
        assertEquals(3, accepted.path("total").asInt(), accepted.toString());
        assertEquals(0, accepted.path("failed").asInt(), accepted.toString());
        assertEquals(ids, accepted.path("items").findValuesAsText("source"), accepted.toString());
        JsonNode finished = ImportJobs.awaitCompleted(designer, job);
        assertEquals(3, finished.path("done").asInt(), finished.toString());
        assertEquals(0, finished.path("failed").asInt(), finished.toString());
        for (String id : ids) {
            JsonNode item = ImportJobs.item(finished, id);
            assertEquals("done", item.path("state").asText(), item.toString());
            assertFalse(item.has("error"), item.toString());
            JsonNode document = new Browser(vitrine).get("/api/documents/" + item.path("documentId").asLong()).json();
            assertEquals(onshape.document(id).name(), document.path("name").asText(), document.toString());
            assertEquals(1, ImportJobs.copiesOf(vitrine, id));
        }
    }

    @Test
    void only_the_person_who_started_an_import_or_an_admin_can_follow_it() throws Exception {
        long job = ImportJobs.importDocuments(designer, onshape.seedDocuments(1));
        ImportJobs.awaitCompleted(designer, job);
        Browser someoneElse = Browser.registered(vitrine, Browser.newEmail("curious"), PASSWORD);

        Problems.assertProblem(someoneElse.get("/api/imports/" + job), 404, "");
        Problems.assertProblem(new Browser(vitrine).get("/api/imports/" + job), 401, "sign in");
        HttpResponse<String> admin = vitrine.getAsAdmin("/api/imports/" + job);
        assertEquals(200, admin.statusCode(), admin.body());
        assertEquals(job, VitrineInstance.JSON.readTree(admin.body()).path("id").asLong());
        Problems.assertProblem(designer.get("/api/imports/" + (job + 1000)), 404, "");
        Problems.assertProblem(designer.get("/api/imports/not-a-number"), 404, "");
    }

    @Test
    void a_person_without_an_onshape_session_is_asked_to_connect_onshape_first() throws Exception {
        Browser local = Browser.registered(vitrine, Browser.newEmail("local"), PASSWORD);
        onshape.forgetRequests();

        Browser.Reply refused = local.post("/api/imports", Browser.body("provider", "onshape", "documentIds", onshape.seedDocuments(1), "rightsConfirmed", true));

        Problems.assertProblem(refused, 409, "Connect your Onshape account first");
        assertEquals(List.of(), onshape.apiRequests(), "Onshape was asked nothing");
    }

    @Test
    void a_document_onshape_will_not_give_fails_on_its_own_with_a_reason_and_the_others_are_imported() throws Exception {
        List<String> ids = onshape.seedDocuments(3);
        String readable = ids.get(0);
        String forbidden = ids.get(1);
        String removed = ids.get(2);
        onshape.refuseAccess(forbidden, true);
        onshape.removeDocument(removed);

        JsonNode finished = ImportJobs.awaitCompleted(designer, ImportJobs.importDocuments(designer, ids));

        assertEquals(1, finished.path("done").asInt(), finished.toString());
        assertEquals(2, finished.path("failed").asInt(), finished.toString());
        assertEquals("done", ImportJobs.item(finished, readable).path("state").asText(), finished.toString());
        assertEquals(1, ImportJobs.copiesOf(vitrine, readable));
        JsonNode refusedItem = ImportJobs.item(finished, forbidden);
        assertEquals("failed", refusedItem.path("state").asText(), refusedItem.toString());
        assertMentions(refusedItem.path("error").asText(), "read");
        JsonNode removedItem = ImportJobs.item(finished, removed);
        assertEquals("failed", removedItem.path("state").asText(), removedItem.toString());
        assertMentions(removedItem.path("error").asText(), "deleted");
        assertNotEquals(refusedItem.path("error").asText(), removedItem.path("error").asText(), "each says what happened");
        assertEquals(0, ImportJobs.copiesOf(vitrine, forbidden));
        assertEquals(0, ImportJobs.copiesOf(vitrine, removed));
    }

    @Test
    void importing_a_document_again_after_it_changed_at_onshape_updates_the_same_document() throws Exception {
        String id = onshape.addDocument(FakeDocument.named("Gearbox").description("Two-stage reducer"));
        long first = ImportJobs.item(ImportJobs.awaitCompleted(designer, ImportJobs.importDocuments(designer, List.of(id))), id)
                .path("documentId").asLong();
        onshape.removeDocument(id);
        onshape.addDocument(FakeDocument.named("Gearbox, second edition").id(id).description("Three-stage reducer"));

        JsonNode again = ImportJobs.awaitCompleted(designer, ImportJobs.importDocuments(designer, List.of(id)));

        assertEquals(first, ImportJobs.item(again, id).path("documentId").asLong(), "the same Vitrine document");
        JsonNode document = new Browser(vitrine).get("/api/documents/" + first).json();
        assertEquals("Gearbox, second edition", document.path("name").asText(), document.toString());
        assertEquals("Three-stage reducer", document.path("description").asText(), document.toString());
        assertEquals(1, ImportJobs.copiesOf(vitrine, id));
    }

    @Test
    void an_import_waits_while_the_storage_refuses_writes_says_so_without_server_detail_and_goes_on_by_itself() throws Exception {
        String id = onshape.seedDocuments(1).get(0);
        long job;
        try (UnwritableBlobs ignored = UnwritableBlobs.of(vitrine)) {
            job = ImportJobs.importDocuments(designer, List.of(id));
            JsonNode paused = ImportJobs.awaitJob(designer, job, "to pause for the storage",
                    j -> "paused".equals(j.path("state").asText()) && !j.path("reason").asText().isEmpty());
            String reason = paused.path("reason").asText();
            assertMentions(reason, "storage");
            assertFalse(reason.contains("/") || reason.contains("blobs") || reason.contains("Exception") || reason.contains("Not a directory"),
                    "no server path nor exception text: " + reason);
            JsonNode waiting = ImportJobs.item(paused, id);
            assertNotEquals("failed", waiting.path("state").asText(), "the document is not to blame: " + waiting);
            assertFalse(waiting.has("error"), waiting.toString());
            assertEquals(0, ImportJobs.copiesOf(vitrine, id));
        }

        JsonNode finished = ImportJobs.awaitCompleted(designer, job);

        JsonNode done = ImportJobs.item(finished, id);
        assertEquals("done", done.path("state").asText(), finished.toString());
        assertEquals(0, finished.path("failed").asInt(), finished.toString());
        assertFalse(finished.has("reason"), finished.toString());
        assertImportedOnceWithPreviews(id, done.path("documentId").asLong());
    }

    @Test
    void the_failed_documents_of_an_import_are_retried_by_the_person_who_started_it_and_imported_once() throws Exception {
        String id = onshape.addDocument(FakeDocument.named("Hinge, first try"));
        onshape.removeDocument(id);
        long job = ImportJobs.importDocuments(designer, List.of(id));
        assertEquals("failed", ImportJobs.item(ImportJobs.awaitCompleted(designer, job), id).path("state").asText());
        onshape.addDocument(FakeDocument.named("Hinge").id(id));
        Browser someoneElse = Browser.registered(vitrine, Browser.newEmail("meddler"), PASSWORD);
        Problems.assertProblem(someoneElse.post("/api/imports/" + job + "/retry", null), 404, "");
        Problems.assertProblem(new Browser(vitrine).post("/api/imports/" + job + "/retry", null), 401, "");
        Problems.assertProblem(designer.post("/api/imports/" + (job + 1000) + "/retry", null), 404, "");
        assertEquals("failed", ImportJobs.item(designer.get("/api/imports/" + job).json(), id).path("state").asText(), "others changed nothing");

        Browser.Reply retried = designer.post("/api/imports/" + job + "/retry", null);

        assertEquals(job, ImportJobs.accepted(retried));
        JsonNode again = ImportJobs.awaitCompleted(designer, job);
        JsonNode done = ImportJobs.item(again, id);
        assertEquals("done", done.path("state").asText(), again.toString());
        assertFalse(done.has("error"), done.toString());
        assertEquals(0, again.path("failed").asInt(), again.toString());
        assertFalse(again.has("reason"), again.toString());
        assertImportedOnceWithPreviews(id, done.path("documentId").asLong());
        assertEquals(1, Rows.count(vitrine, "SELECT COUNT(*) FROM audit_events WHERE action = 'import.retry' AND target = ? AND outcome = 'success'",
                "import:" + job));

        Problems.assertProblem(designer.post("/api/imports/" + job + "/retry", null), 409, "nothing to retry");
        assertEquals(1, ImportJobs.copiesOf(vitrine, id));
    }

    private static void assertImportedOnceWithPreviews(String externalId, long documentId) throws Exception {
        assertEquals(1, ImportJobs.copiesOf(vitrine, externalId));
        JsonNode document = new Browser(vitrine).get("/api/documents/" + documentId).json();
        String preview = document.path("previews").path("300x170").asText();
        assertFalse(preview.isEmpty(), document.toString());
        assertEquals(200, new Browser(vitrine).get(preview).status(), preview);
        assertEquals(Rows.count(vitrine, "SELECT COUNT(DISTINCT element_key, size_label) FROM previews WHERE document_id = ?", documentId),
                Rows.count(vitrine, "SELECT COUNT(*) FROM previews WHERE document_id = ?", documentId), "one row per preview");
    }

    private static void assertMentions(String text, String word) {
        assertTrue(text.toLowerCase(Locale.ROOT).contains(word), "'" + text + "' should mention '" + word + "'");
    }
}
