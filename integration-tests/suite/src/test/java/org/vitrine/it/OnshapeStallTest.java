package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vitrine.it.onshape.FakeOnshape;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Onshape, or something between, sends the headers and the first bytes of an answer and then goes silent: a proxy
 * between Vitrine and the fake Onshape does exactly that for chosen documents. Each call is abandoned at its deadline
 * (for the whole exchange, body included), the document is tried again later, each time after a longer pause, then
 * fails with a reason in plain words, and the job finishes; "Retry failed" imports it once the answers flow again.
 * Meanwhile the picker and the import of a pasted address are served at once, beside the import job's stalled calls.
 */
@Timeout(240)
class OnshapeStallTest {

    /** Deadline of one call to Onshape, whole exchange: the stalls end there. */
    private static final int DEADLINE_SECONDS = 6;
    /** Calls at once for import jobs: the stalled documents of the picker test take them all. */
    private static final int BACKGROUND_CALLS = 2;

    @RegisterExtension
    static final FakeOnshape onshape = FakeOnshape.start();
    private static StallingProxy proxy;
    private static VitrineInstance vitrine;
    private static Browser designer;

    @BeforeAll
    static void start() throws Exception {
        proxy = StallingProxy.to(onshape.baseUri());
        vitrine = OnshapeSignInFlow.connect(VitrineInstance.fresh("onshape-stall"), onshape)
                .setting("onshape.properties", "api.url", proxy.baseUri().toString())
                .setting("onshape.properties", "timeout.seconds", Integer.toString(DEADLINE_SECONDS))
                .setting("onshape.properties", "max.concurrency", Integer.toString(BACKGROUND_CALLS))
                .setting("onshape.properties", "attempts", "1")
                .start();
        designer = new Browser(vitrine);
        OnshapeSignInFlow.signIn(vitrine, designer, null);
    }

    @AfterEach
    void answersFlowAgain() {
        proxy.stallNothing();
    }

    @AfterAll
    static void stop() throws Exception {
        if (vitrine != null) {
            vitrine.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void a_document_whose_answers_stall_is_tried_again_with_growing_pauses_then_fails_plainly_and_retry_failed_imports_it_once()
            throws Exception {
        List<String> ids = onshape.seedDocuments(3);
        String stalled = ids.get(1);
        proxy.stallPathsContaining(stalled);

        long job = ImportJobs.importDocuments(designer, ids);
        JsonNode retrying = ImportJobs.awaitJob(designer, job, "to wait before trying the stalled document again",
                j -> "running".equals(j.path("state").asText()) && j.path("reason").asText().contains("next try"));
        assertEquals("pending", ImportJobs.item(retrying, stalled).path("state").asText(), retrying.toString());
        JsonNode finished = ImportJobs.awaitCompleted(designer, job);

        JsonNode failed = ImportJobs.item(finished, stalled);
        assertEquals("failed", failed.path("state").asText(), finished.toString());
        String error = failed.path("error").asText();
        assertTrue(error.toLowerCase(Locale.ROOT).contains("did not answer"), "says what happened: " + error);
        assertFalse(error.contains("Exception") || error.contains("java") || error.contains("/") || error.contains("127.0.0.1"),
                "no exception text, path or address: " + error);
        assertEquals(2, finished.path("done").asInt(), finished.toString());
        List<StallingProxy.Stall> silences = proxy.stallsOf(stalled);
        assertEquals(3, silences.size(), "tried three times, one call each (attempts = 1)");
        assertTrue(silences.stream().noneMatch(StallingProxy.Stall::open), "Vitrine gave up each stalled answer and closed it");
        long firstPause = silences.get(1).openedAt - silences.get(0).closedAt;
        long secondPause = silences.get(2).openedAt - silences.get(1).closedAt;
        assertTrue(secondPause > firstPause, "the pause grows: " + Duration.ofNanos(firstPause) + ", then " + Duration.ofNanos(secondPause));
        assertEquals(0, ImportJobs.copiesOf(vitrine, stalled), "nothing half-imported");

        proxy.stallNothing();
        ImportJobs.accepted(designer.post("/api/imports/" + job + "/retry", null));
        JsonNode again = ImportJobs.awaitCompleted(designer, job);

        assertEquals("done", ImportJobs.item(again, stalled).path("state").asText(), again.toString());
        assertEquals(3, again.path("done").asInt(), again.toString());
        assertEquals(0, again.path("failed").asInt(), again.toString());
        for (String id : ids) {
            assertEquals(1, ImportJobs.copiesOf(vitrine, id), "copies of " + id);
        }
        assertEquals(Rows.count(vitrine, "SELECT COUNT(DISTINCT p.document_id, p.element_key, p.size_label) FROM previews p "
                        + "JOIN documents d ON d.id = p.document_id WHERE d.provider = 'onshape' AND d.external_id IN (?, ?, ?)",
                        ids.get(0), ids.get(1), ids.get(2)),
                Rows.count(vitrine, "SELECT COUNT(*) FROM previews p JOIN documents d ON d.id = p.document_id "
                        + "WHERE d.provider = 'onshape' AND d.external_id IN (?, ?, ?)", ids.get(0), ids.get(1), ids.get(2)),
                "one row per preview");
    }

    @Test
    void the_picker_and_the_import_of_a_pasted_address_are_served_while_every_import_call_is_stalled() throws Exception {
        List<String> ids = onshape.seedDocuments(BACKGROUND_CALLS);
        String other = onshape.seedDocuments(1).get(0);
        ids.forEach(proxy::stallPathsContaining);
        long job = ImportJobs.importDocuments(designer, ids);
        VitrineInstance.await("every call of import jobs stalled", Duration.ofSeconds(30), () -> proxy.stallsOpen() == BACKGROUND_CALLS);
        int arrivedBefore = proxy.arrivals().size();

        Browser.Reply page = designer.get("/api/providers/onshape/documents?page=0");
        Browser.Reply thumbnail = designer.get("/api/providers/onshape/documents/" + other + "/thumbnail");
        long pasted = ImportJobs.accepted(designer.post("/api/imports",
                Browser.body("url", proxy.baseUri() + "/documents/" + other, "rightsConfirmed", true)));
        JsonNode imported = ImportJobs.awaitCompleted(designer, pasted);

        assertEquals(200, page.status(), page.toString());
        assertTrue(page.json().path("items").size() >= 3, page.toString());
        assertEquals(200, thumbnail.status(), thumbnail.toString());
        assertEquals("done", imported.path("items").path(0).path("state").asText(), imported.toString());
        List<StallingProxy.Arrival> served = proxy.arrivals().subList(arrivedBefore, proxy.arrivals().size()).stream()
                .filter(a -> !ids.stream().anyMatch(a.path()::contains)).toList();
        assertTrue(served.size() >= 4, "the picker's and the pasted import's calls reached Onshape: " + served);
        assertTrue(served.stream().allMatch(a -> a.stallsOpen() == BACKGROUND_CALLS),
                "each was made while the import job's calls were all stalled, not after one gave up: " + served);
        assertEquals("running", designer.get("/api/imports/" + job).json().path("state").asText());

        proxy.stallNothing();
        JsonNode finished = ImportJobs.awaitCompleted(designer, job);
        assertEquals(BACKGROUND_CALLS, finished.path("done").asInt(), "tried again once the answers flowed: " + finished);
        for (String id : ids) {
            assertEquals(1, ImportJobs.copiesOf(vitrine, id), "copies of " + id);
        }
        assertEquals(1, ImportJobs.copiesOf(vitrine, other));
    }
}
