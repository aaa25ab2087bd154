package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

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
 * Importing by pasting the address of an Onshape document: every form the browser shows is recognised, and an
 * address that is not a document of the configured Onshape host is refused before Vitrine asks Onshape anything,
 * so no address a person types can make Vitrine call somewhere else.
 */
@Timeout(300)
class OnshapeUrlImportTest {

    @RegisterExtension
    static final FakeOnshape onshape = FakeOnshape.start();
    private static VitrineInstance vitrine;
    private static Browser designer;

    @BeforeAll
    static void start() throws Exception {
        vitrine = OnshapeSignInFlow.connect(VitrineInstance.fresh("onshape-urls"), onshape).start();
        designer = new Browser(vitrine);
        OnshapeSignInFlow.signIn(vitrine, designer, null);
    }

    @AfterAll
    static void stop() throws Exception {
        if (vitrine != null) {
            vitrine.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "/documents/{did}",
            "/documents/{did}/w/{wid}",
            "/documents/{did}/w/{wid}/e/{eid}",
            "/documents/{did}/v/{vid}/e/{eid}",
            "/documents/{did}/m/{mid}?configuration=x",
    })
    void every_form_of_a_document_address_imports_that_document(String form) throws Exception {
        String did = onshape.addDocument(FakeDocument.named("Bracket " + System.nanoTime()).version("V1", "First release"));
        FakeDocument document = onshape.document(did);
        String url = onshape.baseUri() + form.replace("{did}", did)
                .replace("{wid}", document.defaultWorkspace().id())
                .replace("{mid}", document.defaultWorkspace().microversion())
                .replace("{vid}", document.versions().get(0).id())
                .replace("{eid}", document.elements().get(0).id());

        Browser.Reply started = designer.post("/api/imports", Browser.body("url", url, "rightsConfirmed", true));

        long job = ImportJobs.accepted(started);
        JsonNode accepted = started.json();
        assertEquals(1, accepted.path("total").asInt(), accepted.toString());
        assertEquals(url, accepted.path("items").path(0).path("source").asText(), accepted.toString());
        JsonNode finished = ImportJobs.awaitCompleted(designer, job);
        assertEquals(1, finished.path("done").asInt(), finished.toString());
        long documentId = finished.path("items").path(0).path("documentId").asLong();
        JsonNode imported = new Browser(vitrine).get("/api/documents/" + documentId).json();
        assertEquals(document.name(), imported.path("name").asText(), imported.toString());
        assertEquals(1, ImportJobs.copiesOf(vitrine, did));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "http://evil.example/documents/{did}",
            "http://localhost:{port}/documents/{did}",
            "https://127.0.0.1:{port}/documents/{did}",
            "http://127.0.0.1:{otherPort}/documents/{did}",
            "http://127.0.0.1/documents/{did}",
            "http://127.0.0.2:{port}/documents/{did}",
            "http://[::1]:{port}/documents/{did}",
            "http://[::ffff:127.0.0.1]:{port}/documents/{did}",
            "http://2130706433:{port}/documents/{did}",
            "http://169.254.169.254/latest/meta-data/",
            "http://user:pw@127.0.0.1:{port}/documents/{did}",
            "http://127.0.0.1:{port}@evil.example/documents/{did}",
            "http://127.0.0.1:{port}/documents/{did23}",
            "http://127.0.0.1:{port}/documents/{DID}",
            "http://127.0.0.1:{port}/documents/{did}/w/{DID}",
            "http://127.0.0.1:{port}/documents/../../etc/passwd",
            "http://127.0.0.1:{port}/documents/{did}/w/../../../api/v16/users/sessioninfo",
            "http://127.0.0.1:{port}/documents/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
            "http://127.0.0.1:{port}/api/v16/users/sessioninfo",
            "file:///etc/passwd",
            "javascript:alert(1)",
    })
    void an_address_that_is_not_a_document_of_the_configured_onshape_is_refused_before_onshape_is_asked(String hostile)
            throws Exception {
        String did = onshape.seedDocuments(1).get(0);
        String url = hostile.replace("{port}", Integer.toString(onshape.baseUri().getPort()))
                .replace("{otherPort}", Integer.toString(onshape.baseUri().getPort() + 1))
                .replace("{did23}", did.substring(1))
                .replace("{DID}", did.toUpperCase())
                .replace("{did}", did);
        long jobsBefore = Rows.count(vitrine, "SELECT COUNT(*) FROM import_jobs");
        onshape.forgetRequests();

        Browser.Reply refused = designer.post("/api/imports", Browser.body("url", url, "rightsConfirmed", true));

        Problems.assertProblem(refused, 400, "");
        assertEquals(List.of(), onshape.requests(), "Onshape was asked nothing");
        assertEquals(jobsBefore, Rows.count(vitrine, "SELECT COUNT(*) FROM import_jobs"), "no job was made");
    }

    @Test
    void a_document_id_that_is_a_path_is_refused_before_onshape_is_asked() throws Exception {
        onshape.forgetRequests();

        Browser.Reply refused = designer.post("/api/imports", Browser.body("provider", "onshape",
                "documentIds", List.of("../../users/sessioninfo"), "rightsConfirmed", true));

        Problems.assertProblem(refused, 400, "");
        assertEquals(List.of(), onshape.requests(), "Onshape was asked nothing");
    }

    @Test
    void the_refusal_says_which_addresses_are_taken() throws Exception {
        Browser.Reply refused = designer.post("/api/imports", Browser.body("url", "http://evil.example/documents/0123456789abcdef01234567", "rightsConfirmed", true));

        Problems.assertProblem(refused, 400, "onshape");
        assertTrue(refused.detail().length() > 20, refused.toString());
    }
}
