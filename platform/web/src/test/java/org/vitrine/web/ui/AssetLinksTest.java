package org.vitrine.web.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class AssetLinksTest {

    private static Map<String, byte[]> files(String... nameAndText) {
        Map<String, byte[]> files = new HashMap<>();
        for (int i = 0; i < nameAndText.length; i += 2) {
            files.put(nameAndText[i], nameAndText[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    @Test
    void imports_and_asset_paths_name_the_content_hash_of_their_target() {
        AssetCatalog catalog = new AssetCatalog(files(
                "js/app.js", "import { h } from './dom.js';\nconst page = () => import('./pages/a.js');\nconst img = '/assets/img/x.svg';",
                "js/dom.js", "export const h = 1;",
                "js/pages/a.js", "import { h } from '../dom.js';\nimport '../missing.js';",
                "img/x.svg", "<svg/>",
                "app.css", "a { background: url(img/x.svg) } b { background: url('/assets/img/x.svg') } c { background: url(data:x) }"));
        String dom = catalog.find("js/dom.js").orElseThrow().version();
        String svg = catalog.find("img/x.svg").orElseThrow().version();
        String app = catalog.find("js/app.js").orElseThrow().text();
        assertTrue(app.contains("from './dom.js?v=" + dom + "'"), app);
        assertTrue(app.contains("import('./pages/a.js?v=" + catalog.find("js/pages/a.js").orElseThrow().version() + "')"), app);
        assertTrue(app.contains("'/assets/img/x.svg?v=" + svg + "'"), app);
        String page = catalog.find("js/pages/a.js").orElseThrow().text();
        assertTrue(page.contains("'../dom.js?v=" + dom + "'"), page);
        assertTrue(page.contains("'../missing.js'"), "a path to no asset stays as it was: " + page);
        String css = catalog.find("app.css").orElseThrow().text();
        assertTrue(css.contains("url(img/x.svg?v=" + svg + ")") && css.contains("url('/assets/img/x.svg?v=" + svg + "')")
                && css.contains("url(data:x)"), css);
        assertEquals(Set.of("js/dom.js"), catalog.staticImports("js/app.js"), "dynamic imports are not preloaded");
    }

    @Test
    void the_shell_preloads_the_static_imports_of_the_entry_script_at_their_versioned_addresses() {
        AssetCatalog catalog = new AssetCatalog(files("js/app.js", "import { a } from './a.js';\nimport('./lazy.js');",
                "js/a.js", "import './b.js'; export const a = 1;", "js/b.js", "1", "js/lazy.js", "2"));
        String html = new AppShell("<!--vitrine:head-->{{modulepreload:js/app.js}}<body{{session}}>", catalog)
                .render(HeadMeta.generic(), false);
        for (String module : List.of("js/a.js", "js/b.js")) {
            String link = "<link rel=\"modulepreload\" href=\"/assets/" + module + "?v=" + catalog.find(module).orElseThrow().version() + "\">";
            assertTrue(html.contains(link), html);
        }
        assertFalse(html.contains("lazy.js"), "a page loaded on demand is not preloaded: " + html);
    }

    @Test
    void changing_a_module_changes_the_address_of_each_module_that_imports_it_and_no_other() {
        Map<String, byte[]> before = files("js/app.js", "import './a.js';", "js/a.js", "import './b.js';", "js/b.js", "1",
                "js/c.js", "export {}");
        Map<String, byte[]> after = new HashMap<>(before);
        after.put("js/b.js", "2".getBytes(StandardCharsets.UTF_8));
        AssetCatalog one = new AssetCatalog(before);
        AssetCatalog two = new AssetCatalog(after);
        for (String changed : List.of("js/app.js", "js/a.js", "js/b.js")) {
            assertNotEquals(one.find(changed).orElseThrow().version(), two.find(changed).orElseThrow().version(), changed);
        }
        assertEquals(one.find("js/c.js").orElseThrow().version(), two.find("js/c.js").orElseThrow().version());
    }

    @Test
    void a_cycle_leaves_the_closing_link_unversioned_and_still_loads() {
        AssetCatalog catalog = new AssetCatalog(files("js/a.js", "import './b.js';", "js/b.js", "import './a.js';"));
        String a = catalog.find("js/a.js").orElseThrow().text();
        String b = catalog.find("js/b.js").orElseThrow().text();
        assertTrue(a.contains("?v=") != b.contains("?v="), a + " / " + b);
    }

    /** The shipped interface: every link from a script or a stylesheet to another asset carries its version. */
    @Test
    void every_link_between_the_shipped_assets_is_versioned() throws IOException {
        Path root = Path.of("src/main/resources", AssetCatalog.ROOT);
        Map<String, byte[]> files = new HashMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        AssetCatalog catalog = new AssetCatalog(files);
        Pattern link = Pattern.compile("['\"(]((?:\\.{1,2}/|/assets/)[^'\"()\\s]+)['\")]");
        int versioned = 0;
        for (String name : files.keySet()) {
            if (!name.endsWith(".js") && !name.endsWith(".css")) {
                continue;
            }
            Matcher m = link.matcher(catalog.find(name).orElseThrow().text());
            while (m.find()) {
                String ref = m.group(1);
                String target = AssetLinks.resolve(name, ref);
                if (target != null && files.containsKey(target)) {
                    String version = catalog.find(target).orElseThrow().version();
                    assertTrue(ref.endsWith("?v=" + version), name + " links " + ref + " without the version " + version);
                    versioned++;
                }
            }
        }
        assertTrue(versioned > 100, "links found: " + versioned);
        assertFalse(catalog.staticImports("js/app.js").isEmpty());
    }
}
