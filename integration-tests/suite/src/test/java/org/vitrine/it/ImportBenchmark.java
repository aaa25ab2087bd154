package org.vitrine.it;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vitrine.it.onshape.FakeOnshape;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Prints Onshape import figures; asserts nothing about time. Run with
 * {@code mvn -Pbenchmark verify -pl integration-tests/suite -Dtest=ImportBenchmark} after a build. Imports
 * {@value #DOCUMENTS} documents from the fake Onshape with {@value #LATENCY_MS} ms latency on every call and a rate
 * limit of {@value #RATE} calls per second, and prints documents per second, calls per document, the share of
 * the allowed rate used and the number of 429 answers received.
 */
class ImportBenchmark {

    static final int DOCUMENTS = 1000;
    static final int LATENCY_MS = 50;
    static final int RATE = 40;

    @Test
    void import_a_thousand_documents_under_a_rate_limit() throws Exception {
        try (FakeOnshape onshape = FakeOnshape.start();
             VitrineInstance vitrine = OnshapeSignInFlow.connect(VitrineInstance.fresh("import-benchmark"), onshape).start()) {
            List<String> ids = onshape.seedDocuments(DOCUMENTS);
            Browser browser = new Browser(vitrine);
            OnshapeSignInFlow.signIn(vitrine, browser, null);
            onshape.faults().latency(Duration.ofMillis(LATENCY_MS)).rateLimit(RATE);
            int callsBefore = onshape.apiCalls();
            int tooManyBefore = onshape.tooManyRequestsSent();
            long begin = System.nanoTime();
            Browser.Reply started = browser.post("/api/imports", Browser.body("provider", "onshape", "documentIds", ids, "rightsConfirmed", true));
            if (started.status() != 202) {
                throw new IllegalStateException(started.toString());
            }
            long job = started.json().path("id").asLong();
            JsonNode[] last = new JsonNode[1];
            VitrineInstance.await("the import of " + DOCUMENTS + " documents", Duration.ofMinutes(20), () -> {
                try {
                    last[0] = browser.get("/api/imports/" + job).json();
                    return "completed".equals(last[0].path("state").asText());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            double seconds = (System.nanoTime() - begin) / 1e9;
            int calls = onshape.apiCalls() - callsBefore;
            int tooMany = onshape.tooManyRequestsSent() - tooManyBefore;
            int accepted = calls - tooMany;
            System.out.println();
            System.out.println("== Vitrine Onshape import benchmark (" + DOCUMENTS + " documents, " + LATENCY_MS
                    + " ms per call, limit " + RATE + " calls/s)");
            System.out.printf("imported %d, failed %d in %.1f s = %.2f documents/s%n", last[0].path("done").asInt(),
                    last[0].path("failed").asInt(), seconds, last[0].path("done").asInt() / seconds);
            System.out.printf("calls: %d (%.1f per document), of which 429: %d%n", calls, (double) calls / DOCUMENTS, tooMany);
            System.out.printf("accepted calls %.1f/s = %.0f %% of the allowed rate%n", accepted / seconds, 100.0 * accepted / seconds / RATE);
        }
    }
}
