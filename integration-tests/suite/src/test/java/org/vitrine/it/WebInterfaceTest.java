package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vitrine.it.onshape.FakeDocument;
import org.vitrine.it.onshape.FakeOnshape;

/**
 * The web interface as a browser receives it, over plain HTTP: the app shell for every page, 404 for unknown
 * paths, static assets with ETags, the server-written head of a document page (escaped, with link-preview
 * tags) and a Content-Security-Policy that allows no inline script.
 */
@Timeout(600)
class WebInterfaceTest {

    static final String XSS = "<img src=x onerror=alert(1)>";
    static final List<String> PAGES = List.of("/", "/designers", "/designers/1", "/d/1", "/signin", "/register", "/account",
            "/import", "/admin/modules", "/admin/audit", "/api-docs", "/privacy", "/privacy/settings", "/contact", "/moderation");
    private static final Pattern ASSET_LINK = Pattern.compile("(?:src|href)=\"(/assets/[^\"?]+)\\?v=([^\"]+)\"");

    @RegisterExtension
    static final FakeOnshape onshape = FakeOnshape.start();
    private static VitrineInstance vitrine;

    @BeforeAll
    static void start() throws Exception {
        vitrine = OnshapeSignInFlow.connect(VitrineInstance.fresh("web-interface"), onshape).start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (vitrine != null) {
            vitrine.close();
        }
    }

    @Test
    void every_page_of_the_interface_answers_with_the_app_shell() throws Exception {
        for (String page : PAGES) {
            HttpResponse<String> response = vitrine.get(page);
            int expected = page.equals("/d/1") ? 404 : 200; // no document 1 yet: the shell still comes, with 404
            assertEquals(expected, response.statusCode(), page);
            assertShell(page, response);
        }
    }

    @Test
    void unknown_paths_get_the_shell_with_404_and_unknown_api_paths_a_problem() throws Exception {
        for (String path : List.of("/nope", "/d/", "/d/1/extra", "/designers/1/extra", "/admin/other", "/index.html",
                "/privacy/other", "/moderation/1")) {
            HttpResponse<String> response = vitrine.get(path);
            assertEquals(404, response.statusCode(), path);
            assertShell(path, response);
        }
        HttpResponse<String> api = vitrine.get("/api/no-such-thing");
        assertEquals(404, api.statusCode());
        assertTrue(header(api, "Content-Type").startsWith("application/problem+json"), header(api, "Content-Type"));
    }

    @Test
    void assets_linked_by_the_shell_carry_a_strong_etag_and_revalidate_with_304() throws Exception {
        String shell = vitrine.get("/").body();
        Matcher links = ASSET_LINK.matcher(shell);
        List<String> seen = new ArrayList<>();
        while (links.find()) {
            String path = links.group(1);
            String version = links.group(2);
            seen.add(path);
            HttpResponse<String> versioned = vitrine.get(path + "?v=" + version);
            assertEquals(200, versioned.statusCode(), path);
            assertTrue(header(versioned, "Cache-Control").contains("immutable"), "the hashed link may be cached for long: " + path);
            String etag = header(versioned, "ETag");
            assertTrue(etag.startsWith("\"") && etag.endsWith("\"") && etag.length() > 10, "a strong ETag: " + etag);
            assertTrue(etag.contains(version), "the link's version is the content hash: " + etag + " vs " + version);

            HttpResponse<String> plain = vitrine.get(path);
            assertEquals(etag, header(plain, "ETag"), path);
            assertEquals("no-cache", header(plain, "Cache-Control"), "without the hash it is revalidated: " + path);

            HttpResponse<String> again = vitrine.send(HttpRequest.newBuilder(vitrine.uri(path)).header("If-None-Match", etag).GET(), null);
            assertEquals(304, again.statusCode(), path);
            assertEquals("", again.body());
            HttpResponse<String> changed = vitrine.send(HttpRequest.newBuilder(vitrine.uri(path)).header("If-None-Match", "\"other\"").GET(), null);
            assertEquals(200, changed.statusCode(), path);
        }
        assertTrue(seen.containsAll(List.of("/assets/app.css", "/assets/js/app.js")), "the shell links its stylesheet and script: " + seen);
        assertEquals("text/css;charset=utf-8", contentType("/assets/app.css"));
        assertEquals("text/javascript;charset=utf-8", contentType("/assets/js/app.js"));
        assertEquals("text/javascript;charset=utf-8", contentType("/assets/js/pages/gallery.js"));
        assertEquals("image/svg+xml", contentType("/assets/img/logo.svg"));
    }

    @Test
    void asset_paths_reach_nothing_outside_the_asset_folder() throws Exception {
        for (String path : List.of("/assets/../shell.html", "/assets/%2e%2e/shell.html", "/assets/js/%2e%2e/%2e%2e/shell.html",
                "/assets/..%2fshell.html", "/assets/js/", "/assets/", "/assets/ui/shell.html", "/assets/nope.js",
                "/assets/%2e%2e/%2e%2e/META-INF/MANIFEST.MF", "/assets/..%5c..%5cshell.html")) {
            HttpResponse<String> response = vitrine.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + vitrine.port + path)).GET(), null);
            assertTrue(response.statusCode() == 404 || response.statusCode() == 400, path + " answered " + response.statusCode());
            assertFalse(response.body().contains("<!--vitrine:head-->"), "never the raw template: " + path);
            assertFalse(response.body().contains("Bundle-SymbolicName"), "never a bundle file: " + path);
        }
    }

    @Test
    void a_document_page_head_escapes_the_name_and_carries_link_preview_tags() throws Exception {
        long id = importDocument(FakeDocument.named(XSS).description("A \"quoted\" <b>description</b> & more"));
        HttpResponse<String> page = vitrine.get("/d/" + id);
        assertEquals(200, page.statusCode());
        String html = page.body();
        String head = html.substring(0, html.indexOf("</head>"));
        assertFalse(html.contains(XSS), "the name never appears unescaped");
        assertFalse(head.contains("<b>"), head);
        String escaped = "&lt;img src=x onerror=alert(1)&gt;";
        String base = "http://localhost:" + vitrine.port;
        assertTrue(head.contains("<title>" + escaped + " · Vitrine</title>"), head);
        assertTrue(head.contains("<meta property=\"og:title\" content=\"" + escaped + "\">"), head);
        assertTrue(head.contains("<meta property=\"og:description\" content=\"A &quot;quoted&quot; &lt;b&gt;description&lt;/b&gt; &amp; more\">"), head);
        assertTrue(head.contains("<meta property=\"og:type\" content=\"website\">"), head);
        assertTrue(head.contains("<meta property=\"og:url\" content=\"" + base + "/d/" + id + "\">"), head);
        String image = base + "/api/documents/" + id + "/previews/600x340";
        assertTrue(head.contains("<meta property=\"og:image\" content=\"" + image + "\">"), head);
        assertTrue(head.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"), head);
        assertTrue(head.contains("<meta name=\"description\" content=\"A &quot;quoted&quot;"), head);

        HttpResponse<String> preview = vitrine.get(URI.create(image).getPath());
        assertEquals(200, preview.statusCode(), "the og:image address serves the preview");
        assertEquals("image/png", header(preview, "Content-Type"));
    }

    @Test
    void unknown_and_taken_down_documents_get_the_generic_head() throws Exception {
        HttpResponse<String> unknown = vitrine.get("/d/987654321");
        assertEquals(404, unknown.statusCode());
        assertShell("/d/987654321", unknown);
        assertFalse(unknown.body().contains("og:title"), "no link preview for a missing document");

        long id = importDocument(FakeDocument.named("Bracket to take down"));
        assertTrue(vitrine.get("/d/" + id).body().contains("og:title"));
        try (Connection db = vitrine.database();
             PreparedStatement down = db.prepareStatement("UPDATE documents SET status = 'disabled' WHERE id = ?")) {
            down.setLong(1, id);
            assertEquals(1, down.executeUpdate());
        }
        HttpResponse<String> gone = vitrine.get("/d/" + id);
        assertEquals(410, gone.statusCode());
        assertShell("/d/" + id, gone);
        assertFalse(gone.body().contains("Bracket to take down"), "a taken-down document's name is not shown");
        assertFalse(gone.body().contains("og:"), gone.body());
    }

    @Test
    void the_content_security_policy_allows_no_inline_script_and_the_shell_needs_none() throws Exception {
        for (String path : List.of("/", "/d/1", "/nope", "/assets/js/app.js", "/api/health")) {
            String csp = header(vitrine.get(path), "Content-Security-Policy");
            assertFalse(csp.contains("unsafe-inline"), path + ": " + csp);
            assertFalse(csp.contains("unsafe-eval"), path + ": " + csp);
            for (String directive : List.of("default-src 'self'", "img-src 'self' data:", "object-src 'none'", "base-uri 'self'",
                    "form-action 'self'", "frame-ancestors 'none'")) {
                assertTrue(csp.contains(directive), path + " lacks " + directive + ": " + csp);
            }
        }
        String shell = vitrine.get("/").body();
        Matcher scripts = Pattern.compile("<script\\b[^>]*>").matcher(shell);
        int count = 0;
        while (scripts.find()) {
            count++;
            assertTrue(scripts.group().contains(" src=\"/assets/"), "only scripts from /assets: " + scripts.group());
        }
        assertEquals(1, count, "one entry script");
        assertFalse(Pattern.compile("\\son[a-z]+=", Pattern.CASE_INSENSITIVE).matcher(shell).find(), "no inline event handlers");
        assertFalse(shell.contains(" style="), "no inline styles");
        assertFalse(shell.contains("<style"), "no style elements");
    }

    private static long importDocument(FakeDocument document) throws Exception {
        String externalId = onshape.addDocument(document);
        Browser browser = new Browser(vitrine);
        OnshapeSignInFlow.signIn(vitrine, browser, null);
        long job = ImportJobs.importDocuments(browser, List.of(externalId));
        var finished = ImportJobs.awaitCompleted(browser, job);
        assertEquals(1, finished.path("done").asInt(), finished.toString());
        return finished.path("items").get(0).path("documentId").asLong();
    }

    @Test
    void every_page_links_the_privacy_page_the_privacy_settings_and_the_contact_form_in_its_footer() throws Exception {
        for (String page : List.of("/", "/d/1", "/nope", "/privacy")) {
            String body = vitrine.get(page).body();
            String footer = body.substring(body.indexOf("<footer"));
            for (String link : List.of("href=\"/privacy\"", "href=\"/privacy/settings\"", "href=\"/contact\"")) {
                assertTrue(footer.contains(link), page + " has " + link + " in its footer: " + footer);
            }
        }
    }

    @Test
    void the_shell_has_the_script_ask_who_is_signed_in_only_when_a_session_cookie_came() throws Exception {
        assertTrue(shellWith(null).contains("data-session=\"none\""), "no cookie at all");
        assertTrue(shellWith("vitrine_consent=v-1").contains("data-session=\"none\""), "only the consent cookie");
        assertTrue(shellWith("vitrine_consent=v-1; " + Browser.SESSION_COOKIE + "=expired-or-not").contains("data-session=\"maybe\""),
                "a session cookie, valid or not");
    }

    private static String shellWith(String cookies) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(vitrine.uri("/")).GET();
        if (cookies != null) {
            request.header("Cookie", cookies);
        }
        HttpResponse<String> response = vitrine.send(request, null);
        assertEquals(200, response.statusCode());
        return response.body();
    }

    private static void assertShell(String path, HttpResponse<String> response) {
        assertEquals("text/html;charset=utf-8", header(response, "Content-Type").replace(" ", "").toLowerCase(), path);
        assertEquals("no-cache", header(response, "Cache-Control"), path);
        String body = response.body();
        assertTrue(body.startsWith("<!doctype html>"), path);
        assertTrue(body.contains("<main id=\"main\""), path);
        assertTrue(body.contains("<script type=\"module\" src=\"/assets/js/app.js?v="), path);
        assertTrue(body.contains("data-ready=\"false\""), path);
        assertFalse(body.contains("{{"), "every marker is filled in: " + path);
        assertFalse(body.contains("<!--vitrine:head-->"), path);
    }

    private static String contentType(String path) throws Exception {
        HttpResponse<String> response = vitrine.get(path);
        assertEquals(200, response.statusCode(), path);
        return header(response, "Content-Type").replace(" ", "").toLowerCase();
    }

    private static String header(HttpResponse<?> response, String name) {
        String value = response.headers().firstValue(name).orElse(null);
        assertNotNull(value, name + " header missing");
        return value;
    }
}
