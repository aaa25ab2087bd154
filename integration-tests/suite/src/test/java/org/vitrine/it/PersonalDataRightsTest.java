package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vitrine.it.Browser.body;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The rights of the person, end to end: the archive of one's data (what it holds, what it never holds, who may
 * download it, how often and for how long) and the deletion of one's account (afterwards nothing in the database,
 * files under {@code data/} names the person, their sessions are dead and their documents gone).
 */
@Timeout(300)
class PersonalDataRightsTest {

    private static final String PASSWORD = "correct horse battery staple 42";
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 1, 2, 3};
    private static VitrineInstance vitrine;

    @BeforeAll
    static void start() throws Exception {
        // the catalog cache on, as shipped: erasing an account must take its documents out of listings at once
        vitrine = VitrineInstance.fresh("rights").generousSignInLimits()
                .setting("store-mariadb.properties", "catalog.cache.seconds", "60").start();
    }

    @AfterAll
    static void stop() throws Exception {
        vitrine.close();
    }

    @Test
    void an_export_holds_the_person_s_data_and_previews_and_never_a_secret() throws Exception {
        String email = Browser.newEmail("exporter");
        Browser browser = Browser.registered(vitrine, email, PASSWORD);
        long account = browser.me().json().path("id").asLong();
        String base32 = browser.post("/api/me/2fa", null).json().path("secret").asText();
        AuthenticatorApp app = new AuthenticatorApp(base32);
        Browser.Reply confirmed = browser.post("/api/me/2fa/confirm", body("code", app.currentCode()));
        assertEquals(200, confirmed.status(), confirmed.toString());
        assertEquals(200, browser.put("/api/consent", body("purposes", Map.of("analytics", true))).status());
        long document = CatalogSeed.document(vitrine, "Exported gearbox", account, "CC-BY-4.0", true);
        CatalogSeed.details(vitrine, document);
        preview(document, PNG);

        List<String> secrets = new ArrayList<>(List.of(PASSWORD, base32, browser.sessionCookie(), browser.csrfToken(),
                column("SELECT password_hash FROM accounts WHERE id = ?", account)));
        confirmed.json().path("recoveryCodes").forEach(c -> secrets.add(c.asText()));

        Browser.Reply started = browser.post("/api/me/export", null);
        assertEquals(202, started.status(), started.toString());
        String location = started.header("Location").orElseThrow();
        long id = started.json().path("id").asLong();
        assertTrue(location.endsWith("/api/me/exports/" + id), location);
        JsonNode ready = awaitReady(browser, id);
        assertNotNull(ready.path("expiresAt").asText(null));
        assertEquals(Duration.ofDays(7), Duration.between(java.time.Instant.parse(ready.path("readyAt").asText()),
                java.time.Instant.parse(ready.path("expiresAt").asText())));
        JsonNode listed = browser.get("/api/me/exports").json().path("items").get(0);
        assertEquals("ready", listed.path("state").asText());
        assertTrue(listed.has("createdAt") && listed.has("expiresAt"), listed.toString());

        HttpResponse<byte[]> download = download(browser, id);
        assertEquals(200, download.statusCode());
        assertEquals("application/zip", download.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        Map<String, byte[]> files = unzip(download.body());
        assertTrue(files.keySet().containsAll(Set.of("README.txt", "profile.json", "identities.json", "consent.json",
                "documents.json", "audit-events.json", "sessions.json")), files.keySet().toString());
        assertArrayEquals(PNG, files.get("previews/" + document + "/document-300x170.png"), files.keySet().toString());
        assertEquals(email, json(files, "profile.json").path("email").asText());
        assertTrue(json(files, "profile.json").path("twoFactorEnabled").asBoolean());
        assertEquals("Exported gearbox", json(files, "documents.json").get(0).path("name").asText());
        assertTrue(text(files, "consent.json").contains("\"analytics\""), text(files, "consent.json"));
        assertTrue(text(files, "audit-events.json").contains("account.register"));
        assertTrue(json(files, "sessions.json").size() >= 1);
        assertTrue(json(files, "identities.json").isArray());

        LeakScan scan = new LeakScan(secrets);
        assertEquals(Set.of(), scan.in(download.body()), "in the zip as downloaded");
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            assertEquals(Set.of(), scan.in(file.getValue()), "in " + file.getKey());
        }

        Browser other = Browser.registered(vitrine, Browser.newEmail("stranger"), PASSWORD);
        assertEquals(404, download(other, id).statusCode());
        assertEquals(404, other.get("/api/me/exports/" + id).status());
        assertEquals(0, other.get("/api/me/exports").json().path("items").size());
        assertEquals(401, new Browser(vitrine).get("/api/me/exports/" + id + "/download").status());

        Browser.Reply again = browser.post("/api/me/export", null);
        assertEquals(429, again.status(), again.toString());
        assertTrue(again.detail().contains("24 hours"), again.detail());
        long retryAfter = Long.parseLong(again.header("Retry-After").orElseThrow());
        assertTrue(retryAfter > 23 * 3600 && retryAfter <= 24 * 3600 + 1, "Retry-After " + retryAfter);
        assertEquals(1, Rows.count(vitrine, "SELECT COUNT(*) FROM data_exports WHERE account_id = ?", account));

        update("UPDATE data_exports SET expires_at = ? WHERE id = ?", Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC).minusMinutes(1)), id);
        assertEquals(410, download(browser, id).statusCode());
        assertEquals("expired", browser.get("/api/me/exports/" + id).json().path("state").asText());
    }

    @Test
    void deleting_an_account_erases_the_person_from_every_table_and_every_file_of_the_installation() throws Exception {
        String email = "zephyrine.quillfeather-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String displayName = "Zephyrine Q.";
        String firstName = "Zephyrine";
        String lastName = "Quillfeather";
        String company = "Brackenholt Instruments";
        String ip = "203.0.113.77";
        Browser browser = new Browser(vitrine);
        Browser.Reply registered = browser.post("/api/auth/password/register", body("email", email, "password", PASSWORD,
                "displayName", displayName, "firstName", firstName, "lastName", lastName, "company", company));
        assertEquals(202, registered.status(), registered.toString());
        assertEquals(200, browser.signIn(email, PASSWORD).status());
        long account = browser.me().json().path("id").asLong();
        Browser elsewhere = Browser.signedIn(vitrine, email, PASSWORD, "another device");
        String base32 = browser.post("/api/me/2fa", null).json().path("secret").asText();
        AuthenticatorApp app = new AuthenticatorApp(base32);
        assertEquals(200, browser.post("/api/me/2fa/confirm", body("code", app.currentCode())).status());
        assertEquals(200, browser.put("/api/consent", body("purposes", Map.of("social", true))).status());
        long document = CatalogSeed.document(vitrine, "Brass sextant", account, "CC-BY-4.0", true);
        long designer = CatalogSeed.designer(vitrine, "Onshape designer");
        update("UPDATE designers SET account_id = ?, avatar_url = ?, company = ? WHERE id = ?",
                account, "https://example.org/avatars/zephyrine.png", company, designer);
        CatalogSeed.credit(vitrine, document, designer, "owner");
        preview(document, PNG);
        assertEquals(202, browser.post("/api/me/export", null).status());
        awaitReady(browser, browser.get("/api/me/exports").json().path("items").get(0).path("id").asLong());
        // the suite connects from 127.0.0.1: give the rows linked to the person an address of their own
        update("UPDATE audit_events SET ip = ? WHERE actor = ? OR target = ?", ip, "account:" + account, "account:" + account);
        update("UPDATE consent_records SET ip = ? WHERE account_id = ?", ip, account);
        update("INSERT INTO contact_requests (name, email, type, message, created_at, ip) VALUES (?, ?, 'privacy', 'hello', ?, ?)",
                firstName + " " + lastName, email, now(), ip);
        update("INSERT INTO reports (document_id, reporter_account_id, reason, created_at, ip) VALUES (?, ?, 'other', ?, ?)",
                document, account, now(), ip);
        List<String> person = List.of(email, firstName, lastName, company, ip, "Zephyrine Q");
        assertFalse(new LeakScan(person).inDatabase(vitrine.database()).values().stream().allMatch(Set::isEmpty),
                "the scan sees the person before the deletion");
        String archive = column("SELECT blob_key FROM data_exports WHERE account_id = ?", account);
        Path archiveFile = vitrine.home.resolve("data/blobs").resolve(archive.substring(0, 2)).resolve(archive.substring(2, 4))
                .resolve(archive);
        assertTrue(Files.isRegularFile(archiveFile), archiveFile.toString());

        // mail for the person in the spool: written instead of sent (no SMTP server), and one that failed on a dead server
        int deadSmtp = VitrineInstance.freePort();
        Path mail = vitrine.home.resolve("data/mail");
        List<String> spooled;
        try {
            Mailbox.configure(vitrine, deadSmtp).setting("mail.properties", "retry.attempts", "1");
            VitrineInstance.await("the dead SMTP server configured", Duration.ofSeconds(20), () -> logged("SMTP server 127.0.0.1:" + deadSmtp));
            assertEquals(202, new Browser(vitrine).post("/api/auth/password/reset-request", body("email", email)).status());
            VitrineInstance.await("the reset mail failed", Duration.ofSeconds(30), () -> spooledFor(email, mail).stream()
                    .anyMatch(f -> f.startsWith("failed/") && f.contains(".eml")));
        } finally {
            vitrine.setting("mail.properties", "smtp.host", "");
        }
        spooled = spooledFor(email, mail);
        assertTrue(spooled.stream().anyMatch(f -> !f.contains("/")), "a message kept without SMTP: " + spooled);
        long messages = spooled.stream().filter(f -> f.contains(".eml")).count();

        Browser.Reply wrong = browser.delete("/api/me", body("password", "not the password at all", "code", app.nextCode()));
        assertEquals(403, wrong.status(), wrong.toString());
        Browser.Reply withoutCode = browser.delete("/api/me", body("password", PASSWORD));
        assertEquals(403, withoutCode.status(), withoutCode.toString());
        assertTrue(withoutCode.detail().contains("code"), withoutCode.detail());
        assertEquals(400, browser.delete("/api/me", body("code", app.nextCode())).status());
        assertEquals(200, browser.me().status());
        assertEquals(1, Rows.count(vitrine, "SELECT COUNT(*) FROM accounts WHERE email = ? AND status = 'active'", email));
        assertEquals(200, vitrine.get("/api/documents/" + document).statusCode());
        assertEquals(1, new Browser(vitrine).get("/api/documents?q=sextant").json().path("total").asLong(), "listed before");

        Browser.Reply deleted = browser.delete("/api/me", body("password", PASSWORD, "code", app.nextCode()));
        assertEquals(204, deleted.status(), deleted.toString());

        assertEquals(401, browser.me().status());
        assertEquals(401, elsewhere.me().status());
        assertEquals(401, new Browser(vitrine).signIn(email, PASSWORD).status());
        assertEquals(410, vitrine.get("/api/documents/" + document).statusCode());
        assertEquals(0, new Browser(vitrine).get("/api/documents?q=sextant").json().path("total").asLong(), "gone from search");
        assertEquals(1, Rows.count(vitrine, "SELECT COUNT(*) FROM accounts WHERE id = ? AND status = 'deleted' AND deleted_at IS NOT NULL "
                + "AND email IS NULL AND password_hash IS NULL", account));
        for (String table : List.of("totp_credentials", "recovery_codes", "identities", "data_exports")) {
            assertEquals(0, Rows.count(vitrine, "SELECT COUNT(*) FROM " + table + " WHERE account_id = ?", account), table);
        }
        assertEquals(1, Rows.count(vitrine, "SELECT COUNT(*) FROM designers WHERE id = ? AND account_id IS NULL "
                + "AND avatar_url IS NULL AND company IS NULL", designer));
        assertEquals(1, Rows.count(vitrine, "SELECT COUNT(*) FROM audit_events WHERE action = 'account.delete' "
                + "AND actor = ? AND outcome = 'success' AND ip IS NULL", "account:" + account));

        // the access log is written in the background: wait until the last request has reached it
        assertEquals(200, new Browser(vitrine).get("/api/auth/methods?after-deletion").status());
        Path logs = vitrine.home.resolve("data/logs");
        VitrineInstance.await("the last request in the access log", Duration.ofSeconds(10), () -> {
            try {
                return Files.readString(logs.resolve("access.log")).contains("GET /api/auth/methods");
            } catch (Exception e) {
                return false;
            }
        });
        LeakScan scan = new LeakScan(person);
        Map<String, Set<String>> inDatabase = new LinkedHashMap<>(scan.inDatabase(vitrine.database()));
        inDatabase.values().removeIf(Set::isEmpty);
        assertEquals(Map.of(), inDatabase, "personal data left in the database");
        assertFalse(Files.exists(archiveFile), "the archive of their data export is removed");
        assertTrue(LeakScan.filesUnder(vitrine.home.resolve("data/blobs")) > 0, "the blobs folder was read");
        assertEquals(List.of(), scan.inFiles(vitrine.home.resolve("data/blobs")), "personal data left in the blobs");
        assertTrue(LeakScan.filesUnder(logs) >= 2, "the log files were read");
        assertEquals(List.of(), scan.inFiles(logs), "personal data in the log files");
        assertEquals(List.of(), spooledFor(email, mail), "mail for the person left in the spool");
        // every file Vitrine writes under data/ (spool, blobs, logs, framework cache, keys). Not data/db: the database
        // was scanned above through SQL, the only view of its rows; its own files (binaries, InnoDB pages, undo and redo
        // logs, which keep old row images until the space is reused) and the credentials file are the server's
        Path data = vitrine.home.resolve("data");
        assertTrue(LeakScan.filesUnder(data.resolve("framework")) > 0, "the framework cache was read");
        assertEquals(List.of(), scan.inFilesExcept(data, Set.of(Path.of("db"))), "personal data left under data/");
        assertEquals(1, Rows.count(vitrine, "SELECT COUNT(*) FROM audit_events WHERE action = 'account.delete' AND actor = ? "
                + "AND detail LIKE ?", "account:" + account, "%mailSpoolFiles=" + messages + "%"), "the deletion says what it swept");

        Browser again = new Browser(vitrine);
        assertEquals(202, again.register(email, PASSWORD, "Someone new").status());
        assertEquals(1, Rows.count(vitrine, "SELECT COUNT(*) FROM accounts WHERE email = ?", email));
    }

    /** The spool files (relative to data/mail) that hold the address. */
    private static List<String> spooledFor(String email, Path mail) {
        try {
            return new LeakScan(List.of(email)).inFiles(mail);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean logged(String text) {
        try {
            return Files.readString(vitrine.home.resolve("data/logs/vitrine.log")).contains(text);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static JsonNode awaitReady(Browser browser, long id) throws Exception {
        JsonNode[] last = new JsonNode[1];
        VitrineInstance.await("export " + id + " ready", Duration.ofSeconds(60), () -> {
            try {
                last[0] = browser.get("/api/me/exports/" + id).json();
                return "ready".equals(last[0].path("state").asText());
            } catch (Exception e) {
                return false;
            }
        });
        return last[0];
    }

    private static HttpResponse<byte[]> download(Browser browser, long id) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(vitrine.uri("/api/me/exports/" + id + "/download"))
                .header("Cookie", Browser.SESSION_COOKIE + "=" + browser.sessionCookie()).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static String text(Map<String, byte[]> files, String name) {
        assertTrue(files.containsKey(name), name);
        return new String(files.get(name), StandardCharsets.UTF_8);
    }

    private static JsonNode json(Map<String, byte[]> files, String name) throws Exception {
        return VitrineInstance.JSON.readTree(text(files, name));
    }

    /** A stored 300x170 preview of the document, as an import leaves it: a row and a blob under data/blobs. */
    private static void preview(long document, byte[] image) throws Exception {
        String key = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(("preview-" + document).getBytes(StandardCharsets.UTF_8)));
        Path file = vitrine.home.resolve("data/blobs").resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
        Files.createDirectories(file.getParent());
        Files.write(file, image);
        Files.writeString(file.resolveSibling(key + ".meta"), "image/png\n\"" + key + "\"\n");
        update("INSERT INTO previews (document_id, size_label, blob_key, content_type, byte_size, etag, created_at) "
                + "VALUES (?, '300x170', ?, 'image/png', ?, ?, ?)", document, key, image.length, "\"" + key + "\"", now());
    }

    private static Timestamp now() {
        return Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC));
    }

    private static void update(String sql, Object... parameters) throws Exception {
        try (Connection db = vitrine.database(); PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    private static String column(String sql, Object parameter) throws Exception {
        try (Connection db = vitrine.database(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setObject(1, parameter);
            try (ResultSet rs = query.executeQuery()) {
                assertTrue(rs.next());
                String value = rs.getString(1);
                assertNull(rs.next() ? "more than one row" : null);
                return value;
            }
        }
    }
}
