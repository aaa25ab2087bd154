package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vitrine.it.onshape.FakeOnshape;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Backups and restores as an administrator runs them: {@code vitrine backup --with-key} on a running instance while
 * visitors keep writing, {@code vitrine restore} into a new installation, which then starts on the restored data;
 * {@code vitrine backup --verify} on a good and on a tampered archive; a backup without the key holds no key material;
 * a restore never touches an installation that is running or holds data; a running instance writes scheduled backups and
 * keeps the newest (last, as it restarts the restored instance with a schedule). Works on the embedded database and, with
 * VITRINE_TEST_DB_URL, on an external server (the verification's scratch database is always embedded).
 */
@Timeout(420)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackupRestoreTest {

    private static final String PASSWORD = "lantern otter 41 under the bridge";
    private static final String PASSPHRASE = "nine blue herons over the lock";

    @RegisterExtension
    static final FakeOnshape onshape = FakeOnshape.start();
    private static VitrineInstance source;
    private static VitrineInstance target;
    private static Path archive;
    private static String aliceEmail;
    private static String bobEmail;
    private static AuthenticatorApp bobApp;
    /** Preview address to ETag, as the source served them before the backup. */
    private static final Map<String, String> previewEtags = new LinkedHashMap<>();
    /** Contact requests acknowledged (201) before the backup command was started. */
    private static final List<Long> acknowledgedBefore = Collections.synchronizedList(new ArrayList<>());
    private static final List<Long> acknowledgedDuring = Collections.synchronizedList(new ArrayList<>());
    private static final List<String> failedWrites = Collections.synchronizedList(new ArrayList<>());
    private static String backupOutput;

    @BeforeAll
    static void backUpUnderLoadAndRestore() throws Exception {
        source = OnshapeSignInFlow.connect(VitrineInstance.fresh("backup-source").generousSignInLimits()
                .setting("platform.properties", "rate.contact.ip", "100000/1h"), onshape)
                .env("VITRINE_BACKUP_PASSPHRASE", PASSPHRASE).start();
        Browser designer = new Browser(source);
        OnshapeSignInFlow.signIn(source, designer, null);
        JsonNode job = ImportJobs.awaitCompleted(designer, ImportJobs.importDocuments(designer, onshape.seedDocuments(3)));
        for (JsonNode item : job.path("items")) {
            JsonNode document = new Browser(source).get("/api/documents/" + item.path("documentId").asLong()).json();
            document.path("previews").forEach(url -> previewEtags.put(url.asText(), etag(source, url.asText())));
        }
        assertTrue(previewEtags.size() >= 3, "the imported documents have previews: " + previewEtags);
        aliceEmail = Browser.newEmail("alice");
        Browser.registered(source, aliceEmail, PASSWORD);
        bobEmail = Browser.newEmail("bob");
        bobApp = SecondFactorSteps.enrol(Browser.registered(source, bobEmail, PASSWORD)).app();

        archive = source.home.resolve("backups/with-key.zip");
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong backupStarted = new AtomicLong(Long.MAX_VALUE);
        ExecutorService visitors = Executors.newFixedThreadPool(2);
        for (int v = 0; v < 2; v++) {
            int visitor = v;
            visitors.execute(() -> {
                for (int n = 0; writing.get(); n++) {
                    try {
                        HttpResponse<String> sent = source.send(HttpRequest.newBuilder(source.uri("/api/contact"))
                                .header("Content-Type", "application/json").header("Accept", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(VitrineInstance.JSON.writeValueAsString(Map.of(
                                        "name", "Visitor " + visitor, "email", "visitor@example.org", "type", "question",
                                        "message", "write " + visitor + "/" + n)))), null);
                        long acknowledgedAt = System.nanoTime();
                        if (sent.statusCode() != 201) {
                            failedWrites.add(sent.statusCode() + " " + sent.body());
                            continue;
                        }
                        long id = VitrineInstance.JSON.readTree(sent.body()).path("id").asLong();
                        (acknowledgedAt < backupStarted.get() ? acknowledgedBefore : acknowledgedDuring).add(id);
                    } catch (Exception e) {
                        failedWrites.add(e.toString());
                    }
                }
            });
        }
        try {
            VitrineInstance.await("writes acknowledged before the backup", Duration.ofSeconds(30), () -> acknowledgedBefore.size() >= 10);
            backupStarted.set(System.nanoTime());
            VitrineInstance.CommandResult backup = source.command("backup", "--with-key", archive.toString());
            backupOutput = backup.output();
            assertEquals(0, backup.exitCode(), backup.output());
            VitrineInstance.await("writes acknowledged while the backup ran", Duration.ofSeconds(30), () -> acknowledgedDuring.size() >= 5);
        } finally {
            writing.set(false);
            visitors.shutdown();
            assertTrue(visitors.awaitTermination(60, TimeUnit.SECONDS), "the visitors stopped");
        }

        target = VitrineInstance.fresh("backup-target").env("VITRINE_BACKUP_PASSPHRASE", PASSPHRASE);
        VitrineInstance.CommandResult restored = target.command("restore", archive.toString());
        assertEquals(0, restored.exitCode(), restored.output());
        target.start();
    }

    @AfterAll
    static void stop() throws Exception {
        try (VitrineInstance a = source; VitrineInstance b = target) {
            // both closed, whatever happens to the other
        }
    }

    @Test
    void the_backup_ran_while_visitors_kept_writing_and_said_what_it_did() {
        assertEquals(List.of(), List.copyOf(failedWrites), "every write during the backup was accepted");
        assertTrue(backupOutput.contains("database: contact_requests"), "progress per table: " + backupOutput);
        assertTrue(backupOutput.matches("(?s).*blobs: \\d+/\\d+ .*"), "progress of the blobs: " + backupOutput);
        assertTrue(backupOutput.contains("Backup written: " + archive), backupOutput);
        assertTrue(backupOutput.contains("secret key included, sealed with the passphrase"), backupOutput);
    }

    @Test
    void every_write_acknowledged_before_the_backup_began_is_in_the_restored_instance() throws Exception {
        Set<Long> restored = new TreeSet<>();
        try (Connection db = target.database(); Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM contact_requests")) {
            while (rs.next()) {
                restored.add(rs.getLong(1));
            }
        }
        List<Long> missing = acknowledgedBefore.stream().filter(id -> !restored.contains(id)).toList();
        assertEquals(List.of(), missing, "acknowledged before the backup began, but not restored");
        assertTrue(restored.size() >= acknowledgedBefore.size(), restored.toString());

        // and restored as they were, value for value (texts, times, binary keys)
        String acknowledged = "SELECT * FROM contact_requests WHERE id IN (" + String.join(",",
                acknowledgedBefore.stream().map(String::valueOf).toList()) + ") ORDER BY id";
        assertEquals(rows(source, acknowledged), rows(target, acknowledged));
        for (String table : List.of("previews", "documents", "document_elements", "identities", "recovery_codes")) {
            assertEquals(rows(source, "SELECT * FROM " + table + " ORDER BY 1"), rows(target, "SELECT * FROM " + table + " ORDER BY 1"), table);
        }
    }

    /** Every row the query answers, each as its columns' values in text (binary values in hex). */
    private static List<String> rows(VitrineInstance vitrine, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection db = vitrine.database(); Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    Object value = rs.getObject(i);
                    row.append(rs.getMetaData().getColumnName(i)).append('=')
                            .append(value instanceof byte[] bytes ? java.util.HexFormat.of().formatHex(bytes) : value).append(' ');
                }
                rows.add(row.toString());
            }
        }
        assertFalse(rows.isEmpty(), "rows to compare: " + sql);
        return rows;
    }

    @Test
    void the_restored_database_starts_at_its_schema_version_without_migrating_again() throws Exception {
        assertTrue(target.console().contains("(0 migrations applied now)"), target.console());
        assertEquals(200, target.get("/api/health").statusCode(), target.get("/api/health").body());
    }

    @Test
    void previews_of_the_restored_instance_have_the_same_etags() throws Exception {
        for (Map.Entry<String, String> preview : previewEtags.entrySet()) {
            assertEquals(preview.getValue(), etag(target, preview.getKey()), preview.getKey());
        }
    }

    @Test
    void people_sign_in_to_the_restored_instance_with_their_passwords_and_two_factor_codes() throws Exception {
        Browser.Reply alice = new Browser(target).signIn(aliceEmail, PASSWORD);
        assertEquals(200, alice.status(), alice.toString());

        Browser bob = new Browser(target);
        SecondFactorSteps.assertAwaitsCode(bob.signIn(bobEmail, PASSWORD));
        Browser.Reply signedIn = SecondFactorSteps.complete(bob, "code", bobApp.nextCode());
        assertEquals(200, signedIn.status(), "the two-factor secret opens with the restored key: " + signedIn);
        assertEquals(bobEmail, bob.me().json().path("email").asText());
    }

    @Test
    void verify_passes_on_the_backup_and_names_what_was_altered_in_a_tampered_one_or_does_not_match() throws Exception {
        VitrineInstance.CommandResult good = source.command("backup", "--verify", archive.toString());
        assertEquals(0, good.exitCode(), good.output());
        assertTrue(good.output().contains("Backup verified"), good.output());
        assertTrue(good.output().contains("secret key included and opens"), good.output());

        List<String> blobs;
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            blobs = zip.stream().map(ZipEntry::getName).filter(n -> n.matches("blobs/[0-9a-f]{64}")).toList();
        }
        String altered = blobs.get(0);
        String replaced = blobs.get(1);
        String replacedKey = replaced.substring("blobs/".length());
        byte[] newer = "a newer preview".getBytes(StandardCharsets.UTF_8);
        String newerSha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(newer));

        // one archive, three faults: a blob's bytes altered, a table's rows taken out of the dump, and a blob whose
        // content (and manifest entry) no longer matches the ETag its rows record
        Path tampered = tampered("tampered.zip", Map.of(
                altered, content -> {
                    byte[] changed = content.clone();
                    changed[changed.length / 2] ^= 1;
                    return changed;
                },
                "database.sql", content -> String.join("\n", new String(content, StandardCharsets.UTF_8).lines()
                        .filter(l -> !l.startsWith("INSERT INTO `contact_requests`")).toList()).concat("\n").getBytes(StandardCharsets.UTF_8),
                replaced, content -> newer,
                "manifest.json", manifest -> editManifest(manifest, json -> json.with("blobs").with(replacedKey)
                        .put("sha256", newerSha).put("size", newer.length))));
        VitrineInstance.CommandResult bad = source.command("backup", "--verify", tampered.toString());
        assertEquals(1, bad.exitCode(), bad.output());
        assertTrue(bad.output().contains("Backup verification FAILED"), bad.output());
        assertTrue(bad.output().contains("blob " + altered.substring("blobs/".length()) + " does not have the SHA-256"), bad.output());
        assertTrue(bad.output().matches("(?s).*table contact_requests: 0 rows restored, the manifest says \\d+.*"), bad.output());
        assertTrue(bad.output().contains("database.sql does not have the SHA-256"), bad.output());
        assertTrue(bad.output().contains("gives blob " + replacedKey + " another ETag than its content's"), bad.output());

        // a preview imported again while the backup copied blobs, as the backup records it: the restore makes the rows
        // describe the newer content
        Path replacedMeanwhile = tampered("replaced.zip", Map.of(replaced, content -> newer,
                "manifest.json", manifest -> editManifest(manifest, json -> {
                    json.with("blobs").with(replacedKey).put("sha256", newerSha).put("size", newer.length);
                    json.putArray("blobsReplaced").add(replacedKey);
                })));
        VitrineInstance.CommandResult aligned = source.command("backup", "--verify", replacedMeanwhile.toString());
        assertEquals(0, aligned.exitCode(), "the rows are made to describe the newer content: " + aligned.output());
    }

    private static byte[] editManifest(byte[] manifest, java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode> edit) {
        try {
            var json = (com.fasterxml.jackson.databind.node.ObjectNode) VitrineInstance.JSON.readTree(manifest);
            edit.accept(json);
            return VitrineInstance.JSON.writeValueAsBytes(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void a_backup_without_the_key_option_holds_no_key_material() throws Exception {
        Path withoutKey = source.home.resolve("backups/without-key.zip");
        VitrineInstance.CommandResult backup = source.command("backup", withoutKey.toString());
        assertEquals(0, backup.exitCode(), backup.output());
        assertTrue(backup.output().contains("secret key not included"), backup.output());

        String keyText = Files.readString(source.home.resolve("data/secret.key")).trim();
        byte[] key = Base64.getDecoder().decode(keyText);
        try (ZipFile zip = new ZipFile(withoutKey.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                byte[] content;
                try (InputStream in = zip.getInputStream(entry)) {
                    content = in.readAllBytes();
                }
                String text = new String(content, StandardCharsets.ISO_8859_1);
                assertFalse(text.contains(keyText), entry.getName() + " holds the key in base64");
                assertFalse(text.contains(new String(key, StandardCharsets.ISO_8859_1)), entry.getName() + " holds the raw key");
                if (entry.getName().equals("manifest.json")) {
                    assertFalse(VitrineInstance.JSON.readTree(content).has("secretKey"), text);
                }
            }
            assertTrue(Collections.list(zip.entries()).stream().noneMatch(e -> e.getName().contains("secret")), "no key file");
        }
        // the key in the other backup is sealed, not in clear
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(entry)) {
                    assertFalse(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).contains(keyText), entry.getName());
                }
            }
        }
    }

    @Test
    void a_restore_into_a_running_or_non_empty_installation_is_refused_and_changes_nothing() throws Exception {
        long before = contactRequests(target);
        VitrineInstance.CommandResult running = target.command("restore", archive.toString());
        assertEquals(1, running.exitCode(), running.output());
        assertTrue(running.output().contains("Restore refused: Vitrine is running"), running.output());

        target.stop();
        Path data = target.home.resolve("data");
        List<String> files = listing(data);
        String key = Files.readString(data.resolve("secret.key"));
        VitrineInstance.CommandResult full = target.command("restore", archive.toString());
        assertEquals(1, full.exitCode(), full.output());
        assertTrue(full.output().contains("is not empty (it holds a secret key)"), full.output());

        // an empty data folder over a database that holds tables: the database is what refuses
        Path aside = target.home.resolve("data-aside");
        Files.createDirectories(aside);
        Files.move(data.resolve("secret.key"), aside.resolve("secret.key"));
        Files.move(data.resolve("blobs"), aside.resolve("blobs"));
        VitrineInstance.CommandResult tables = target.command("restore", archive.toString());
        Files.move(aside.resolve("secret.key"), data.resolve("secret.key"));
        Files.move(aside.resolve("blobs"), data.resolve("blobs"));
        assertEquals(1, tables.exitCode(), tables.output());
        assertTrue(tables.output().matches("(?s).*already holds \\d+ tables.*nothing was changed.*"), tables.output());
        assertFalse(Files.exists(data.resolve(".blobs-restoring")), "no half-restored blobs are left");

        assertEquals(key, Files.readString(data.resolve("secret.key")));
        assertEquals(files, listing(data));
        target.start();
        assertEquals(before, contactRequests(target), "the database is as it was");
        assertEquals(200, new Browser(target).signIn(aliceEmail, PASSWORD).status());
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void a_running_instance_writes_scheduled_backups_and_keeps_the_newest() throws Exception {
        target.stop();
        target.env("VITRINE_BACKUP_EVERY", "2s").env("VITRINE_BACKUP_KEEP", "2").start();
        Path dir = target.home.resolve("backups");
        VitrineInstance.await("scheduled backups, the oldest deleted", Duration.ofSeconds(90), () -> {
            try {
                return target.console().contains("Old backup deleted") && scheduledBackups(dir).size() == 2;
            } catch (Exception e) {
                return false;
            }
        });
        assertTrue(target.console().contains("Scheduled backup written: " + dir.resolve("vitrine-")), target.console());
        assertTrue(scheduledBackups(dir).size() <= 2, "never more than backup.keep: " + scheduledBackups(dir));

        Path kept = target.home.resolve("kept.zip");
        Files.copy(scheduledBackups(dir).get(scheduledBackups(dir).size() - 1), kept);
        VitrineInstance.CommandResult verified = target.command("backup", "--verify", kept.toString());
        assertEquals(0, verified.exitCode(), verified.output());
        assertTrue(verified.output().contains("secret key not included"), "a scheduled backup never holds the key: " + verified.output());
    }

    private static List<Path> scheduledBackups(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("vitrine-\\d{8}T\\d{6}Z\\.zip")).sorted().toList();
        }
    }

    private static long contactRequests(VitrineInstance vitrine) throws Exception {
        return Rows.count(vitrine, "SELECT COUNT(*) FROM contact_requests");
    }

    /** The blob files under the data folder (the database's own files change as its server runs). */
    private static List<String> listing(Path data) throws Exception {
        try (Stream<Path> files = Files.walk(data.resolve("blobs"))) {
            return files.map(p -> data.relativize(p).toString() + (Files.isRegularFile(p) ? ":" + sizeOf(p) : "")).sorted().toList();
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (Exception e) {
            return -1;
        }
    }

    private static String etag(VitrineInstance vitrine, String path) {
        try {
            Browser.Reply preview = new Browser(vitrine).get(path);
            assertEquals(200, preview.status(), preview.toString());
            return preview.header("ETag").orElseThrow(() -> new AssertionError("no ETag on " + path));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A copy of the archive with the named entries changed, written as a well-formed zip (so only the checks can tell). */
    private static Path tampered(String name, Map<String, UnaryOperator<byte[]>> changes) throws Exception {
        Path copy = archive.resolveSibling(name);
        try (ZipFile zip = new ZipFile(archive.toFile()); OutputStream file = Files.newOutputStream(copy);
             ZipOutputStream out = new ZipOutputStream(file)) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                byte[] content;
                try (InputStream in = zip.getInputStream(entry)) {
                    content = in.readAllBytes();
                }
                UnaryOperator<byte[]> change = changes.get(entry.getName());
                byte[] written = change == null ? content : change.apply(content);
                assertNotEquals(change != null, java.util.Arrays.equals(content, written), entry.getName());
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(written);
                out.closeEntry();
            }
        }
        return copy;
    }
}
