package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vitrine.it.onshape.FakeOnshape;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An import job outlives a restart of Vitrine. Sessions, and with them the Onshape tokens, live in memory only,
 * so after the restart the job waits, saying why, until the person who started it signs in with Onshape again;
 * then it finishes, and every document is imported exactly once.
 */
@Timeout(300)
class OnshapeRestartTest {

    private static final int DOCUMENTS = 30;

    @RegisterExtension
    static final FakeOnshape onshape = FakeOnshape.start();
    private static VitrineInstance vitrine;

    @BeforeAll
    static void start() throws Exception {
        vitrine = OnshapeSignInFlow.connect(VitrineInstance.fresh("onshape-resume"), onshape).start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (vitrine != null) {
            vitrine.close();
        }
    }

    @Test
    void a_job_cut_short_by_a_restart_waits_for_its_owner_to_sign_in_with_onshape_again_then_imports_each_document_once()
            throws Exception {
        Browser owner = new Browser(vitrine);
        OnshapeSignInFlow.signIn(vitrine, owner, null);
        long account = owner.me().json().path("id").asLong();
        List<String> ids = onshape.seedDocuments(DOCUMENTS);
        onshape.faults().latency(Duration.ofMillis(300));
        long job = ImportJobs.importDocuments(owner, ids);
        ImportJobs.awaitJob(owner, job, "to have imported a few documents", j -> j.path("done").asInt() >= 3);

        vitrine.stop();
        assertTrue(vitrine.console().contains("Vitrine stopped"), "stopped as after Ctrl-C");
        onshape.faults().latency(Duration.ZERO);
        vitrine.start();

        JsonNode waiting = ImportJobs.awaitJobAsAdmin(vitrine, job, "to pause", j -> "paused".equals(j.path("state").asText()));
        assertTrue(waiting.path("reason").asText().toLowerCase(Locale.ROOT).contains("sign in with onshape"),
                "the reason says what to do: " + waiting);
        int doneBefore = waiting.path("done").asInt();
        assertTrue(doneBefore > 0 && doneBefore < DOCUMENTS, "the restart came in the middle of the job: " + waiting);
        assertEquals(401, owner.me().status(), "the session did not survive the restart");

        Browser again = new Browser(vitrine);
        OnshapeSignInFlow.signIn(vitrine, again, null);
        assertEquals(account, again.me().json().path("id").asLong(), "the same person");
        JsonNode finished = ImportJobs.awaitCompleted(again, job);

        assertEquals(DOCUMENTS, finished.path("done").asInt(), finished.toString());
        assertEquals(0, finished.path("failed").asInt(), finished.toString());
        Set<Long> documentIds = new HashSet<>();
        for (String id : ids) {
            documentIds.add(ImportJobs.item(finished, id).path("documentId").asLong());
            assertEquals(1, ImportJobs.copiesOf(vitrine, id), "copies of " + id);
        }
        assertEquals(DOCUMENTS, documentIds.size(), "one Vitrine document for each Onshape document");
        assertEquals(DOCUMENTS, Rows.count(vitrine, "SELECT COUNT(*) FROM documents WHERE provider = 'onshape'"));
    }
}
