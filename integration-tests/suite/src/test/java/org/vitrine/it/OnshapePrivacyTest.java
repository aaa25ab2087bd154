package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vitrine.it.onshape.FakeOnshape;
import org.vitrine.it.onshape.FakeUser;

/**
 * Onshape tokens live in the person's session only: after sign-ins, browsing the picker, imports, revoked and
 * refreshed tokens and short-lived ones, no access or refresh token Onshape ever issued is to be found in any
 * table, nor in any file of the installation (settings, data, logs, console output, framework cache, database
 * files). And Vitrine keeps images only of what was imported: picker thumbnails pass through.
 */
@Timeout(300)
class OnshapePrivacyTest {

    @RegisterExtension
    static final FakeOnshape onshape = FakeOnshape.start();
    private static VitrineInstance vitrine;
    /** Token-like secrets planted on purpose, one in a table and one in a file, to show that the scans find what is there. */
    private static final String TABLE_CANARY = canary();
    private static final String FILE_CANARY = canary();

    @BeforeAll
    static void liveThroughEveryKindOfOnshapeToken() throws Exception {
        vitrine = OnshapeSignInFlow.connect(VitrineInstance.fresh("onshape-leaks"), onshape).start();
        Browser ada = new Browser(vitrine);
        OnshapeSignInFlow.signIn(vitrine, ada, "/imports");
        List<String> adas = onshape.seedDocuments(3);
        assertEquals(200, ada.get("/api/providers/onshape/documents?page=0").status());
        assertEquals(200, ada.get("/api/providers/onshape/documents/" + adas.get(0) + "/thumbnail").status());
        ImportJobs.awaitCompleted(ada, ImportJobs.importDocuments(ada, adas.subList(0, 2)));

        onshape.expireAccessTokens();
        ImportJobs.awaitCompleted(ada, ImportJobs.importDocuments(ada, adas.subList(2, 3)));

        onshape.accessTokenLifetime(Duration.ofSeconds(20));
        try {
            onshape.signedInUser(FakeUser.named("Bob", "Builder").withEmail(Browser.newEmail("bob")));
            Browser bob = new Browser(vitrine);
            OnshapeSignInFlow.signIn(vitrine, bob, null);
            List<String> bobs = onshape.seedDocuments(2);
            assertEquals(200, bob.get("/api/providers/onshape/documents?page=0").status());
            ImportJobs.awaitCompleted(bob, ImportJobs.importDocuments(bob, bobs));
        } finally {
            onshape.accessTokenLifetime(Duration.ofHours(1));
        }
        assertTrue(onshape.issuedTokens().size() >= 8, "the scenario went through sign-ins and refreshes: "
                + onshape.issuedTokens().size() + " tokens");
    }

    @AfterAll
    static void stop() throws Exception {
        if (vitrine != null) {
            vitrine.close();
        }
    }

    @Test
    void no_table_holds_an_access_or_refresh_token_from_onshape() throws Exception {
        LeakScan scan = new LeakScan(secretsAnd(TABLE_CANARY));
        try (Connection db = vitrine.database();
             PreparedStatement canary = db.prepareStatement("INSERT INTO audit_events (occurred_at, actor, action, outcome, detail) "
                     + "VALUES (UTC_TIMESTAMP(3), 'test', 'test.canary', 'success', ?)")) {
            canary.setString(1, "planted by the test: " + TABLE_CANARY);
            canary.executeUpdate();

            Map<String, Set<String>> found = scan.inDatabase(db);

            assertTrue(found.size() > 20, "the scan saw the schema's text columns, only " + found.keySet());
            Map<String, Set<String>> leaks = new TreeMap<>();
            found.forEach((column, secrets) -> {
                if (!secrets.isEmpty()) {
                    leaks.put(column, secrets);
                }
            });
            assertEquals(Map.of("audit_events.detail", Set.of(LeakScan.abbreviated(TABLE_CANARY))), leaks,
                    "only the planted canary, no Onshape token");
        }
    }

    @Test
    void no_file_of_the_installation_holds_an_access_or_refresh_token_from_onshape() throws Exception {
        vitrine.stop();
        try {
            Files.writeString(vitrine.home.resolve("planted-canary.txt"), "planted by the test: " + FILE_CANARY, StandardCharsets.UTF_8);
            assertTrue(Files.isRegularFile(vitrine.home.resolve("console-1.log")));
            assertTrue(Files.isRegularFile(vitrine.home.resolve("data/logs/vitrine.log")));
            assertTrue(LeakScan.filesUnder(vitrine.home.resolve("data/framework")) > 0, "the framework cache is there");
            if (!VitrineInstance.externalDatabase()) {
                assertTrue(LeakScan.filesUnder(vitrine.home.resolve("data/db")) > 0, "the database files are there");
            }

            List<String> found = new LeakScan(secretsAnd(FILE_CANARY)).inFiles(vitrine.home);

            assertEquals(List.of("planted-canary.txt holds " + LeakScan.abbreviated(FILE_CANARY)), found,
                    "only the planted canary, no Onshape token");
        } finally {
            Files.deleteIfExists(vitrine.home.resolve("planted-canary.txt"));
            vitrine.start();
        }
    }

    @Test
    void picker_thumbnails_pass_through_and_only_previews_of_imported_documents_are_kept() throws Exception {
        Browser designer = new Browser(vitrine);
        OnshapeSignInFlow.signIn(vitrine, designer, null);
        List<String> ids = onshape.seedDocuments(3);
        Path blobs = vitrine.home.resolve("data/blobs");
        long before = LeakScan.filesUnder(blobs);

        for (String id : ids) {
            Browser.Reply thumbnail = designer.get("/api/providers/onshape/documents/" + id + "/thumbnail");
            assertEquals(200, thumbnail.status(), thumbnail.toString());
            assertEquals("image/png", thumbnail.contentType());
        }

        assertEquals(before, LeakScan.filesUnder(blobs), "no file was added for the thumbnails");
        ImportJobs.awaitCompleted(designer, ImportJobs.importDocuments(designer, ids.subList(0, 1)));
        assertTrue(LeakScan.filesUnder(blobs) > before, "the imported document's previews are kept");
    }

    /** Every token Onshape issued so far, and the canary. */
    private static List<String> secretsAnd(String canary) {
        List<String> secrets = new ArrayList<>(onshape.issuedTokens());
        secrets.add(canary);
        return secrets;
    }

    private static String canary() {
        byte[] bytes = new byte[30];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
