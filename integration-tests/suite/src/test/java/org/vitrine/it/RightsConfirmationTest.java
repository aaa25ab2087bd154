package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vitrine.it.onshape.FakeDocument;
import org.vitrine.it.onshape.FakeOnshape;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every import needs its starter to confirm the right to share the documents publicly under the terms: without
 * {@code rightsConfirmed: true} nothing is created. The confirmation (account, time, the configured version of the
 * terms) is stored with the job and shown to admins, not to other people; the terms come from the admin's
 * configuration ({@code GET /api/terms}).
 */
@Timeout(300)
class RightsConfirmationTest {

    private static final String VERSION = "2027-01-lab";

    @RegisterExtension
    static final FakeOnshape onshape = FakeOnshape.start();
    private static VitrineInstance vitrine;
    private static Browser designer;
    private static long designerId;

    @BeforeAll
    static void start() throws Exception {
        vitrine = OnshapeSignInFlow.connect(VitrineInstance.fresh("rights-confirmation"), onshape)
                .setting("privacy.properties", "terms.version", VERSION)
                .setting("privacy.properties", "terms.effective.date", "2027-01-15")
                .setting("privacy.properties", "terms.text", "Only share what you made.\\n\\nThe licence shown applies.")
                .start();
        designer = new Browser(vitrine);
        OnshapeSignInFlow.signIn(vitrine, designer, null);
        designerId = designer.me().json().path("id").asLong();
    }

    @AfterAll
    static void stop() throws Exception {
        if (vitrine != null) {
            vitrine.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"url, not confirmed", "url, false", "picker, not confirmed", "picker, false"})
    void an_import_without_the_rights_confirmation_is_refused_and_creates_nothing(String kind) throws Exception {
        String did = onshape.addDocument(FakeDocument.named("Unconfirmed " + System.nanoTime()));
        Boolean confirmed = kind.endsWith("false") ? Boolean.FALSE : null;
        Map<String, Object> body = kind.startsWith("url")
                ? Browser.body("url", onshape.baseUri() + "/documents/" + did, "rightsConfirmed", confirmed)
                : Browser.body("provider", "onshape", "documentIds", List.of(did), "rightsConfirmed", confirmed);
        long jobsBefore = Rows.count(vitrine, "SELECT COUNT(*) FROM import_jobs");

        Browser.Reply refused = designer.post("/api/imports", body);

        Problems.assertProblem(refused, 400, "rightsConfirmed");
        assertTrue(refused.json().path("detail").asText().contains("/terms"), "the answer links the terms: " + refused);
        assertEquals(jobsBefore, Rows.count(vitrine, "SELECT COUNT(*) FROM import_jobs"), "no job was created");
        assertEquals(0, ImportJobs.copiesOf(vitrine, did), "no document was created");
    }

    @Test
    void a_confirmed_import_keeps_who_confirmed_when_and_the_configured_terms_version() throws Exception {
        String did = onshape.addDocument(FakeDocument.named("Confirmed bracket"));
        Instant before = Instant.now().minusSeconds(1);

        long job = ImportJobs.importDocuments(designer, List.of(did));

        Instant after = Instant.now().plusSeconds(1);
        JsonNode finished = ImportJobs.awaitCompleted(designer, job);
        assertEquals(VERSION, finished.path("termsVersion").asText(), finished.toString());
        try (Connection db = vitrine.database();
             PreparedStatement select = db.prepareStatement(
                     "SELECT account_id, rights_confirmed_at, terms_version FROM import_jobs WHERE id = ?")) {
            select.setLong(1, job);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next());
                assertEquals(designerId, row.getLong(1));
                Instant confirmedAt = row.getTimestamp(2).toLocalDateTime().toInstant(java.time.ZoneOffset.UTC);
                assertTrue(!confirmedAt.isBefore(before) && !confirmedAt.isAfter(after), "confirmed at " + confirmedAt);
                assertEquals(VERSION, row.getString(3));
            }
        }

        HttpResponse<String> listed = vitrine.getAsAdmin("/api/admin/imports?limit=200");
        assertEquals(200, listed.statusCode(), listed.body());
        JsonNode item = null;
        for (JsonNode i : VitrineInstance.JSON.readTree(listed.body()).path("items")) {
            if (i.path("id").asLong() == job) {
                item = i;
            }
        }
        assertNotNull(item, "the admin list has the job: " + listed.body());
        assertEquals(designerId, item.path("accountId").asLong(), item.toString());
        assertFalse(item.path("accountName").asText().isBlank(), item.toString());
        assertEquals("onshape", item.path("provider").asText());
        assertEquals(1, item.path("total").asInt());
        assertEquals(VERSION, item.path("termsVersion").asText());
        assertTrue(item.path("rightsConfirmedAt").isTextual(), item.toString());
        assertTrue(AuditTrail.of(vitrine, "personal-data.read").stream().anyMatch(e -> "import-jobs".equals(e.target())),
                "the admin's read of the names is audited");
    }

    @Test
    void other_people_see_neither_the_admin_list_nor_someone_elses_confirmation() throws Exception {
        long job = ImportJobs.importDocuments(designer, List.of(onshape.addDocument(FakeDocument.named("Private proof"))));
        Browser someone = Browser.registered(vitrine, Browser.newEmail("curious"), "a long enough pass phrase 42");

        assertEquals(403, someone.get("/api/admin/imports").status(), "not an admin");
        assertEquals(401, new Browser(vitrine).get("/api/admin/imports").status(), "not signed in");
        Problems.assertProblem(someone.get("/api/imports/" + job), 404, "");
        assertEquals(0, someone.get("/api/imports").json().path("items").size(), "their own list is empty");
    }

    @Test
    void the_terms_come_from_the_configuration_and_changes_apply_while_running() throws Exception {
        JsonNode terms = new Browser(vitrine).get("/api/terms").json();
        assertEquals(VERSION, terms.path("version").asText(), terms.toString());
        assertEquals("2027-01-15", terms.path("effectiveDate").asText());
        assertEquals(List.of("Only share what you made.", "The licence shown applies."),
                VitrineInstance.JSON.convertValue(terms.path("paragraphs"), List.class));

        vitrine.setting("privacy.properties", "terms.version", "2027-02");
        VitrineInstance.await("the new terms version", Duration.ofSeconds(20), () -> {
            try {
                return "2027-02".equals(new Browser(vitrine).get("/api/terms").json().path("version").asText());
            } catch (Exception e) {
                return false;
            }
        });
        long job = ImportJobs.importDocuments(designer, List.of(onshape.addDocument(FakeDocument.named("Later part"))));
        assertEquals("2027-02", designer.get("/api/imports/" + job).json().path("termsVersion").asText(),
                "an import confirms the terms in force");
        vitrine.setting("privacy.properties", "terms.version", VERSION);
    }
}
