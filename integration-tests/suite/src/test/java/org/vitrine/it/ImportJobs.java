package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Import jobs as the web client drives them: {@code POST /api/imports}, then {@code GET /api/imports/{id}} until
 * the job reaches the state the test waits for; and what the database holds afterwards.
 */
final class ImportJobs {

    static final String PROVIDER = "onshape";

    private ImportJobs() {
    }

    /** Starts a job for these Onshape document ids; it must be accepted (202, with its address). */
    static long importDocuments(Browser browser, List<String> documentIds) throws Exception {
        return accepted(browser.post("/api/imports", Browser.body("provider", PROVIDER, "documentIds", documentIds, "rightsConfirmed", true)));
    }

    /** The job id of an accepted start, after checking the answer's status and {@code Location}. */
    static long accepted(Browser.Reply started) {
        assertEquals(202, started.status(), started.toString());
        long id = started.json().path("id").asLong();
        String location = started.header("Location").orElse("");
        assertEquals("/api/imports/" + id, URI.create(location).getPath(), "Location of " + started);
        return id;
    }

    /** Follows the job as its owner until it is completed, and returns what the last look showed. */
    static JsonNode awaitCompleted(Browser owner, long job) throws Exception {
        return await(() -> owner.get("/api/imports/" + job).json(), "import job " + job + " to complete",
                Duration.ofSeconds(90), j -> "completed".equals(j.path("state").asText()));
    }

    /** Follows the job as its owner until the condition holds. */
    static JsonNode awaitJob(Browser owner, long job, String what, Predicate<JsonNode> condition) throws Exception {
        return await(() -> owner.get("/api/imports/" + job).json(), "import job " + job + " " + what,
                Duration.ofSeconds(90), condition);
    }

    /** Follows the job with the operations token (an admin may look at anyone's job) until the condition holds. */
    static JsonNode awaitJobAsAdmin(VitrineInstance vitrine, long job, String what, Predicate<JsonNode> condition) throws Exception {
        return await(() -> VitrineInstance.JSON.readTree(vitrine.getAsAdmin("/api/imports/" + job).body()),
                "import job " + job + " " + what, Duration.ofSeconds(90), condition);
    }

    /** One look at the job, as JSON. */
    interface Look {
        JsonNode take() throws Exception;
    }

    private static JsonNode await(Look look, String what, Duration timeout, Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = look.take();
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(50);
        }
        fail("Timed out after " + timeout.toSeconds() + " s waiting for " + what + "; it last showed " + last);
        return last;
    }

    /** The item of the job that was asked for with this document id (or address). */
    static JsonNode item(JsonNode job, String source) {
        for (JsonNode item : job.path("items")) {
            if (item.path("source").asText().equals(source)) {
                return item;
            }
        }
        fail("no item for " + source + " in " + job);
        return null;
    }

    /** How many rows of {@code documents} hold this Onshape document: an import must never make a second. */
    static long copiesOf(VitrineInstance vitrine, String externalId) throws Exception {
        return Rows.count(vitrine, "SELECT COUNT(*) FROM documents WHERE provider = ? AND external_id = ?", PROVIDER, externalId);
    }
}
