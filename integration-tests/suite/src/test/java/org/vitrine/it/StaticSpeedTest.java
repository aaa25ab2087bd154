package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vitrine.it.Browser.body;
import static org.vitrine.it.Problems.assertProblem;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a public gallery serves most, at the cost of a static file: previews at versioned addresses kept for a year
 * and found in one indexed lookup (a 304 included), taken down at once with their document; text answers gzipped
 * with working ETags, images not; every web asset at an address named by its content; the licence list cacheable,
 * and the licences in use for the filter.
 */
@Timeout(300)
class StaticSpeedTest {

    private static final String PASSWORD = "copper lantern 48 under the bridge";
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static VitrineInstance vitrine;
    private static Browser importer;
    private static long importerId;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        vitrine = VitrineInstance.fresh("static-speed").generousSignInLimits()
                .setting("platform.properties", "rate.api.ip", "100000/1m").start();
        importer = Browser.registered(vitrine, Browser.newEmail("importer"), PASSWORD);
        importerId = importer.me().json().path("id").asLong();
    }

    @AfterAll
    static void stop() throws Exception {
        if (vitrine != null) {
            vitrine.close();
        }
    }

    @Test
    void a_preview_is_served_at_its_versioned_address_for_a_year_and_a_304_needs_no_file() throws Exception {
        long doc = CatalogSeed.document(vitrine, "Versioned bracket", importerId, "CC-BY-4.0", true);
        byte[] image = CatalogSeed.preview(vitrine, doc);
        Browser anonymous = new Browser(vitrine);
        String url = anonymous.get("/api/documents/" + doc).json().path("previews").path("300x170").asText();
        assertTrue(url.matches("/api/previews/[0-9a-f]{64}/[0-9a-f]{20}"), url);
        JsonNode listed = anonymous.get("/api/documents?q=versioned").json().path("items").path(0);
        assertEquals(url, listed.path("thumbnailUrl").asText(), "the catalog links the same address: " + listed);

        HttpResponse<byte[]> first = get(url, "Accept-Encoding", "gzip");
        assertEquals(200, first.statusCode());
        assertArrayEquals(image, first.body(), "the image, not compressed again");
        assertEquals(IMMUTABLE, header(first, "Cache-Control"));
        assertEquals("image/png", header(first, "Content-Type"));
        assertEquals("", header(first, "Content-Encoding"), "images are never gzipped");
        String etag = header(first, "ETag");
        assertTrue(etag.startsWith("\"") && !etag.contains("--gzip"), etag);

        HttpResponse<byte[]> again = get(url, "If-None-Match", etag);
        assertEquals(304, again.statusCode());
        assertEquals(IMMUTABLE, header(again, "Cache-Control"));
        assertEquals(etag, header(again, "ETag"));
        HttpResponse<byte[]> old = get("/api/documents/" + doc + "/previews/300x170", "If-None-Match", etag);
        assertEquals(304, old.statusCode(), "the document's address still answers, from the same lookup");
        HttpResponse<byte[]> oldFull = get("/api/documents/" + doc + "/previews/300x170");
        assertArrayEquals(image, oldFull.body());
        assertEquals("public, max-age=3600", header(oldFull, "Cache-Control"));

        String stale = url.substring(0, url.lastIndexOf('/') + 1) + "0123456789abcdef0123";
        HttpResponse<byte[]> moved = get(stale);
        assertEquals(307, moved.statusCode(), "an address of content since replaced leads to the current one");
        assertEquals(url, URI.create(header(moved, "Location")).getPath(), header(moved, "Location"));
        assertProblem(anonymous.get("/api/previews/" + "ab".repeat(32) + "/0123456789abcdef0123"), 404, "no such preview");
        assertProblem(anonymous.get("/api/previews/not-a-key/x"), 404, "no such preview");
        assertProblem(anonymous.get("/api/documents/" + doc + "/previews/999x999"), 404, "999x999");
    }

    @Test
    void a_preview_costs_at_most_one_select_whether_200_or_304() throws Exception {
        long doc = CatalogSeed.document(vitrine, "Counted hinge", importerId, "CC-BY-4.0", true);
        CatalogSeed.preview(vitrine, doc);
        String url = new Browser(vitrine).get("/api/documents/" + doc).json().path("previews").path("300x170").asText();
        String etag = header(get(url), "ETag");
        int n = 100;
        long before = selects();
        for (int i = 0; i < n; i++) {
            assertEquals(200, get(url).statusCode());
            assertEquals(304, get(url, "If-None-Match", etag).statusCode());
            assertEquals(304, get("/api/documents/" + doc + "/previews/300x170", "If-None-Match", etag).statusCode());
        }
        long counted = selects() - before;
        System.out.printf("%d SELECT statements for %d preview requests (200, 304, 304 at the document's address)%n", counted, 3 * n);
        // 3n requests; the slack covers what else the instance reads meanwhile (jobs, health); 9 each before
        assertTrue(counted <= 3L * n + 30, counted + " SELECT statements for " + 3 * n + " preview requests");
    }

    @Test
    void a_taken_down_documents_previews_are_refused_at_once_at_every_address() throws Exception {
        long doc = CatalogSeed.document(vitrine, "Withdrawn pulley", importerId, "CC-BY-4.0", true);
        CatalogSeed.preview(vitrine, doc);
        String url = new Browser(vitrine).get("/api/documents/" + doc).json().path("previews").path("300x170").asText();
        String etag = header(get(url), "ETag");
        assertEquals(200, get(url).statusCode());

        Browser.Reply asked = importer.post("/api/documents/" + doc + "/deletion", body("reason", "Published by mistake."));
        assertEquals(200, asked.status(), asked.toString());

        Browser anonymous = new Browser(vitrine);
        for (String address : List.of(url, "/api/documents/" + doc + "/previews/300x170")) {
            Browser.Reply gone = anonymous.get(address);
            assertProblem(gone, 410, "taken down");
            assertEquals("no-store", gone.header("Cache-Control").orElse(""), "not kept by any cache");
            HttpResponse<byte[]> revalidated = get(address, "If-None-Match", etag);
            assertEquals(410, revalidated.statusCode(), "a kept copy is not confirmed either: " + address);
        }
    }

    @Test
    void text_answers_are_gzipped_with_etags_that_still_give_304() throws Exception {
        String shell = new String(get("/").body(), StandardCharsets.UTF_8);
        List<String> texts = List.of("/api/licences", asset(shell, "js/app.js"), asset(shell, "app.css"), "/assets/js/dom.js",
                asset(shell, "img/logo.svg"));
        for (String path : texts) {
            HttpResponse<byte[]> plain = get(path);
            HttpResponse<byte[]> gzipped = get(path, "Accept-Encoding", "gzip");
            assertEquals(200, gzipped.statusCode(), path);
            assertEquals("gzip", header(gzipped, "Content-Encoding"), path);
            assertTrue(header(gzipped, "Vary").contains("Accept-Encoding"), path + " Vary: " + header(gzipped, "Vary"));
            assertArrayEquals(plain.body(), gunzip(gzipped.body()), path);
            assertTrue(gzipped.body().length < plain.body().length, path);
            String etag = header(gzipped, "ETag");
            assertFalse(etag.isEmpty(), path);
            HttpResponse<byte[]> notModified = get(path, "Accept-Encoding", "gzip", "If-None-Match", etag);
            assertEquals(304, notModified.statusCode(), path + " with " + etag);
            assertEquals(304, get(path, "If-None-Match", header(plain, "ETag")).statusCode(), path);
        }
        HttpResponse<byte[]> html = get("/", "Accept-Encoding", "gzip");
        assertEquals("gzip", header(html, "Content-Encoding"), "the app shell too");
    }

    @Test
    void every_asset_the_shell_and_its_modules_load_is_versioned_and_immutable() throws Exception {
        String shell = new String(get("/").body(), StandardCharsets.UTF_8);
        Pattern inShell = Pattern.compile("(?:href|src)=\"(/assets/[^\"]+)\"");
        Pattern inModule = Pattern.compile("['\"(](\\.{1,2}/[^'\"()\\s]+|/assets/[^'\"()\\s]+)['\")]");
        Deque<String> queue = new ArrayDeque<>();
        Matcher m = inShell.matcher(shell);
        while (m.find()) {
            queue.add(m.group(1));
        }
        assertTrue(shell.contains("rel=\"modulepreload\""), "the entry script's imports are preloaded");
        Set<String> seen = new HashSet<>();
        while (!queue.isEmpty()) {
            String url = queue.poll();
            if (!seen.add(url)) {
                continue;
            }
            assertTrue(url.matches("/assets/[^?]+\\?v=[A-Za-z0-9_-]{22}"), "not versioned: " + url);
            HttpResponse<byte[]> answer = get(url);
            assertEquals(200, answer.statusCode(), url);
            assertEquals(IMMUTABLE, header(answer, "Cache-Control"), url);
            if (url.contains(".js?") || url.contains(".css?")) {
                Matcher link = inModule.matcher(new String(answer.body(), StandardCharsets.UTF_8));
                while (link.find()) {
                    String ref = link.group(1);
                    if (ref.endsWith("/")) {
                        continue; // a folder a script builds names from, not a file
                    }
                    queue.add(URI.create(url).resolve(ref).toString());
                }
            }
        }
        assertTrue(seen.size() > 40, "every module, the pages' included: " + seen.size());
        HttpResponse<byte[]> unversioned = get("/assets/js/dom.js");
        assertEquals(200, unversioned.statusCode(), "an address without the version still works");
        assertEquals("no-cache", header(unversioned, "Cache-Control"));
    }

    @Test
    void the_licence_list_is_cacheable_and_the_filter_gets_the_licences_in_use() throws Exception {
        HttpResponse<byte[]> all = get("/api/licences");
        assertEquals(200, all.statusCode());
        assertEquals("public, max-age=300", header(all, "Cache-Control"));
        assertEquals(304, get("/api/licences", "If-None-Match", header(all, "ETag")).statusCode());
        assertTrue(VitrineInstance.JSON.readTree(all.body()).path("licences").size() > 500, "every SPDX licence for the picker");

        CatalogSeed.document(vitrine, "Licensed gear", importerId, "MIT", true);
        CatalogSeed.document(vitrine, "Hidden gear", importerId, "GPL-3.0-only", false);
        HttpResponse<byte[]> used = get("/api/licences?inUse=true");
        assertEquals("no-cache", header(used, "Cache-Control"));
        Set<String> ids = ids(VitrineInstance.JSON.readTree(used.body()));
        assertTrue(ids.contains("MIT") && ids.contains("CC-BY-4.0"), ids.toString());
        assertFalse(ids.contains("GPL-3.0-only"), "a taken-down document's licence is not offered: " + ids);
        assertEquals(304, get("/api/licences?inUse=true", "If-None-Match", header(used, "ETag")).statusCode());

        CatalogSeed.document(vitrine, "Zero gear", importerId, "CC0-1.0", true);
        HttpResponse<byte[]> more = get("/api/licences?inUse=true", "If-None-Match", header(used, "ETag"));
        assertEquals(200, more.statusCode(), "a licence newly in use changes the answer");
        assertNotEquals(header(used, "ETag"), header(more, "ETag"));
        assertTrue(ids(VitrineInstance.JSON.readTree(more.body())).contains("CC0-1.0"));
        assertProblem(new Browser(vitrine).get("/api/licences?inUse=maybe"), 400, "inUse");
    }

    private static Set<String> ids(JsonNode answer) {
        Set<String> ids = new HashSet<>();
        answer.path("licences").forEach(l -> ids.add(l.path("id").asText()));
        return ids;
    }

    /** The versioned address the app shell gives this asset. */
    private static String asset(String shell, String name) {
        Matcher m = Pattern.compile("\"(/assets/" + Pattern.quote(name) + "\\?v=[^\"]+)\"").matcher(shell);
        assertTrue(m.find(), name + " in " + shell);
        return m.group(1);
    }

    private static long selects() throws Exception {
        try (Connection db = vitrine.database(); Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS LIKE 'Com_select'")) {
            rs.next();
            return rs.getLong(2);
        }
    }

    private static HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + vitrine.port + path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String header(HttpResponse<?> response, String name) {
        return String.join(", ", response.headers().allValues(name));
    }

    private static byte[] gunzip(byte[] gzipped) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return in.readAllBytes();
        }
    }
}
