package org.vitrine.web.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AssetServletTest {

    private final AssetCatalog catalog = new AssetCatalog(Map.of(
            "app.css", "body{}".getBytes(StandardCharsets.UTF_8),
            "js/app.js", "export {}".getBytes(StandardCharsets.UTF_8)));

    @Test
    void the_etag_is_strong_and_follows_the_content() {
        Asset a = Asset.of("a.js", "one".getBytes(StandardCharsets.UTF_8));
        Asset same = Asset.of("b.js", "one".getBytes(StandardCharsets.UTF_8));
        Asset other = Asset.of("a.js", "two".getBytes(StandardCharsets.UTF_8));
        assertTrue(a.etag().startsWith("\"") && a.etag().endsWith("\""), a.etag());
        assertEquals(a.etag(), same.etag());
        assertNotEquals(a.etag(), other.etag());
    }

    @Test
    void content_types_come_from_the_extension() {
        assertEquals("text/javascript;charset=utf-8", Asset.contentType("js/app.js"));
        assertEquals("text/css;charset=utf-8", Asset.contentType("app.css"));
        assertEquals("image/svg+xml", Asset.contentType("img/logo.svg"));
        assertEquals("application/octet-stream", Asset.contentType("README"));
    }

    @Test
    void only_files_of_the_catalog_are_found() {
        assertTrue(catalog.find("js/app.js").isPresent());
        assertFalse(catalog.find("../shell.html").isPresent());
        assertFalse(catalog.find("js/../app.css").isPresent());
        assertFalse(catalog.find("js/").isPresent());
        assertFalse(catalog.find(null).isPresent());
    }

    @Test
    void if_none_match_accepts_lists_weak_tags_and_star() {
        assertTrue(AssetServlet.matches("\"x\"", "\"x\""));
        assertTrue(AssetServlet.matches("\"a\", W/\"x\"", "\"x\""));
        assertTrue(AssetServlet.matches("*", "\"x\""));
        assertFalse(AssetServlet.matches("\"y\"", "\"x\""));
        assertFalse(AssetServlet.matches(null, "\"x\""));
    }

    @Test
    void the_shell_links_assets_with_their_content_hash_and_takes_the_head() {
        AppShell shell = new AppShell("<head><!--vitrine:head--><link href=\"{{asset:app.css}}\"></head><body{{session}}>", catalog);
        String html = shell.render(HeadMeta.generic(), false);
        String version = catalog.find("app.css").orElseThrow().version();
        assertTrue(html.contains("href=\"/assets/app.css?v=" + version + "\""), html);
        assertTrue(html.startsWith("<head><title>Vitrine</title>"), html);
        assertTrue(html.endsWith("<body data-session=\"none\">"), html);
        assertTrue(shell.render(HeadMeta.generic(), true).endsWith("<body data-session=\"maybe\">"));
    }

    @Test
    void a_shell_linking_a_missing_asset_is_refused_at_start() {
        assertThrows(IllegalArgumentException.class, () -> new AppShell("<!--vitrine:head-->{{asset:gone.js}}{{session}}", catalog));
    }
}
