package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vitrine.it.onshape.FakeOnshape;
import org.vitrine.it.onshape.FakeUser;
import org.vitrine.it.onshape.RecordedRequest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An import job gets through what Onshape really does: short rate-limit waits, server errors and gateway pages,
 * answers that never come, and access tokens that expire or are revoked (refreshed with the rotating refresh
 * token). A long rate-limit wait pauses the job and says so instead of hammering. Whatever happened, each
 * document is stored exactly once.
 */
@Timeout(300)
class OnshapeResilienceTest {

    /** Per API call: a stalled answer must be given up well before the test's patience runs out. */
    private static final int CLIENT_TIMEOUT_SECONDS = 2;
    /** Calls about one document below {@code /documents}: the document, workspaces, versions and elements. */
    private static final int DOCUMENT_CALLS = 4;

    @RegisterExtension
    static final FakeOnshape onshape = FakeOnshape.start();
    private static VitrineInstance vitrine;
    private static Browser designer;

    @BeforeAll
    static void start() throws Exception {
        vitrine = OnshapeSignInFlow.connect(VitrineInstance.fresh("onshape-faults"), onshape)
                .setting("onshape.properties", "timeout.seconds", Integer.toString(CLIENT_TIMEOUT_SECONDS))
                .start();
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
    void a_short_retry_after_is_waited_out_and_the_job_completes() throws Exception {
        List<String> ids = onshape.seedDocuments(3);
        onshape.faults().tooManyRequests(2, 1).tooManyRequests(1, 2);

        JsonNode finished = ImportJobs.awaitCompleted(designer, ImportJobs.importDocuments(designer, ids));

        assertEquals(3, onshape.tooManyRequestsSent(), "the rate limit was met");
        assertEverythingImportedOnce(finished, ids);
    }

    @Test
    void server_errors_and_gateway_pages_are_retried_until_the_job_completes() throws Exception {
        List<String> ids = onshape.seedDocuments(3);
        onshape.faults().serverErrors(2, 500, "/documents").serverErrors(2, 502, "/documents");

        JsonNode finished = ImportJobs.awaitCompleted(designer, ImportJobs.importDocuments(designer, ids));

        assertEverythingImportedOnce(finished, ids);
        assertTrue(documentCalls() >= ids.size() * DOCUMENT_CALLS + 4, "the four failed calls were made again: " + onshape.apiCallsPerPath());
    }

    @Test
    void answers_that_do_not_come_within_the_timeout_are_given_up_and_asked_again() throws Exception {
        List<String> ids = onshape.seedDocuments(2);
        onshape.faults().stall(2, Duration.ofSeconds(CLIENT_TIMEOUT_SECONDS * 4L), "/documents");

        JsonNode finished = ImportJobs.awaitCompleted(designer, ImportJobs.importDocuments(designer, ids));

        assertEverythingImportedOnce(finished, ids);
        assertTrue(documentCalls() >= ids.size() * DOCUMENT_CALLS + 2, "the two stalled calls were made again: " + onshape.apiCallsPerPath());
    }

    @Test
    void a_long_retry_after_pauses_the_job_and_says_how_long_it_waits() throws Exception {
        String id = onshape.seedDocuments(1).get(0);
        onshape.faults().tooManyRequests(1, 120);

        long job = ImportJobs.importDocuments(designer, List.of(id));
        JsonNode paused = ImportJobs.awaitJob(designer, job, "to pause", j -> "paused".equals(j.path("state").asText()));

        String reason = paused.path("reason").asText().toLowerCase(Locale.ROOT);
        assertTrue(reason.contains("wait") && reason.contains("120"), "the reason says how long it waits: " + paused);
        assertEquals(0, paused.path("done").asInt(), paused.toString());
        assertEquals(0, paused.path("failed").asInt(), "a rate limit is no failure: " + paused);
        assertEquals(1, onshape.apiCalls(), "no call after being told to wait: " + onshape.apiCallsPerPath());
        assertEquals(0, ImportJobs.copiesOf(vitrine, id), "nothing half-imported");
    }

    @Test
    void access_tokens_that_onshape_stopped_accepting_are_refreshed_each_time_with_the_newest_refresh_token() throws Exception {
        List<String> first = onshape.seedDocuments(2);
        onshape.expireAccessTokens();
        assertEverythingImportedOnce(ImportJobs.awaitCompleted(designer, ImportJobs.importDocuments(designer, first)), first);

        List<String> second = onshape.seedDocuments(2);
        onshape.expireAccessTokens();
        assertEverythingImportedOnce(ImportJobs.awaitCompleted(designer, ImportJobs.importDocuments(designer, second)), second);

        List<String> refreshTokens = refreshTokensSent();
        assertTrue(refreshTokens.size() >= 2, "refreshed after each expiry: " + refreshTokens.size());
        assertEquals(refreshTokens.size(), new HashSet<>(refreshTokens).size(), "a rotated refresh token is never sent again");
    }

    @Test
    void access_tokens_that_live_only_briefly_are_refreshed_before_they_expire() throws Exception {
        FakeUser designerAtOnshape = onshape.signedInUser();
        onshape.accessTokenLifetime(Duration.ofSeconds(20));
        // another person, so that the job can only use the session with the short-lived tokens
        onshape.signedInUser(FakeUser.named("Brief", "Visitor").withEmail(Browser.newEmail("brief")));
        try {
            Browser briefly = new Browser(vitrine);
            OnshapeSignInFlow.signIn(vitrine, briefly, null);
            List<String> ids = onshape.seedDocuments(2);

            JsonNode finished = ImportJobs.awaitCompleted(briefly, ImportJobs.importDocuments(briefly, ids));

            assertEverythingImportedOnce(finished, ids);
            List<String> refreshTokens = refreshTokensSent();
            assertTrue(refreshTokens.size() >= 1, "refreshed");
            assertEquals(refreshTokens.size(), new HashSet<>(refreshTokens).size(), "a rotated refresh token is never sent again");
        } finally {
            onshape.accessTokenLifetime(Duration.ofHours(1));
            onshape.signedInUser(designerAtOnshape);
        }
    }

    private static void assertEverythingImportedOnce(JsonNode job, List<String> ids) throws Exception {
        assertEquals(ids.size(), job.path("done").asInt(), job.toString());
        assertEquals(0, job.path("failed").asInt(), job.toString());
        for (String id : ids) {
            assertEquals(1, ImportJobs.copiesOf(vitrine, id), "copies of " + id);
        }
    }

    private static int documentCalls() {
        return onshape.apiCallsPerPath().entrySet().stream().filter(e -> e.getKey().startsWith("/api/v16/documents/"))
                .mapToInt(e -> e.getValue()).sum();
    }

    /** The refresh tokens Vitrine sent to Onshape's token endpoint since the test began, in order. */
    private static List<String> refreshTokensSent() {
        return onshape.requests().stream().filter(r -> r.path().equals("/oauth/token"))
                .map(RecordedRequest::bodyText)
                .filter(body -> body.contains("grant_type=refresh_token"))
                .map(body -> Arrays.stream(body.split("&")).filter(p -> p.startsWith("refresh_token=")).findFirst()
                        .map(p -> URLDecoder.decode(p.substring("refresh_token=".length()), StandardCharsets.UTF_8)).orElse(""))
                .toList();
    }
}
