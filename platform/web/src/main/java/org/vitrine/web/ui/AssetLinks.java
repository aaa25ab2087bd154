package org.vitrine.web.ui;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Versions the links between the web interface's files: in scripts, every quoted path to another asset
 * ({@code './dom.js'}, {@code '../api.js'}, {@code '/assets/img/placeholder.svg'}: static and dynamic imports,
 * image addresses) and in stylesheets every {@code url(...)} gets {@code ?v=<content hash of the target>}, the
 * target's own links versioned first. So every file a page loads has a versioned address the browser keeps for a
 * year, and changing one file changes the addresses of exactly it and the files that link to it. A path that
 * names no asset is left as it is; so is a link that would close a cycle (it stays revalidated).
 */
final class AssetLinks {

    private static final Pattern SCRIPT_LINK = Pattern.compile("(['\"])(?<ref>(?:\\.{1,2}/|/assets/)[^'\"\\s?#]+)\\1");
    private static final Pattern STYLE_LINK = Pattern.compile("url\\(\\s*(['\"]?)(?<ref>[^'\")\\s?#:]+)\\1\\s*\\)");
    /** {@code import ... from '...'} or {@code import '...'}, not {@code import(...)}: what a module needs before it runs. */
    private static final Pattern STATIC_IMPORT = Pattern.compile("\\b(?:from|import)\\s*(['\"])(?<ref>[^'\"]+)\\1");

    private final Map<String, byte[]> files;
    private final Map<String, Asset> built = new HashMap<>();
    private final Set<String> inProgress = new HashSet<>();

    private AssetLinks(Map<String, byte[]> files) {
        this.files = files;
    }

    /** Every file, its links versioned, keyed by its name below {@code /assets/}. */
    static Map<String, Asset> versioned(Map<String, byte[]> files) {
        AssetLinks links = new AssetLinks(files);
        files.keySet().forEach(links::build);
        return links.built;
    }

    /** The modules a module imports statically, directly or not (not itself), in the order they were found. */
    static Set<String> staticImports(String module, Map<String, Asset> assets) {
        Set<String> found = new LinkedHashSet<>();
        collect(module, assets, found);
        found.remove(module);
        return found;
    }

    private static void collect(String module, Map<String, Asset> assets, Set<String> found) {
        Asset asset = assets.get(module);
        if (asset == null || !module.endsWith(".js")) {
            return;
        }
        Matcher m = STATIC_IMPORT.matcher(asset.text());
        while (m.find()) {
            String target = resolve(module, m.group("ref"));
            if (target != null && assets.containsKey(target) && found.add(target)) {
                collect(target, assets, found);
            }
        }
    }

    private Asset build(String name) {
        Asset done = built.get(name);
        if (done != null) {
            return done;
        }
        Pattern links = name.endsWith(".js") || name.endsWith(".mjs") ? SCRIPT_LINK : name.endsWith(".css") ? STYLE_LINK : null;
        byte[] content = files.get(name);
        if (links != null) {
            inProgress.add(name);
            content = rewrite(name, new String(content, StandardCharsets.UTF_8), links).getBytes(StandardCharsets.UTF_8);
            inProgress.remove(name);
        }
        Asset asset = Asset.of(name, content);
        built.put(name, asset);
        return asset;
    }

    private String rewrite(String name, String text, Pattern links) {
        Matcher m = links.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 256);
        int last = 0;
        while (m.find()) {
            String target = resolve(name, m.group("ref"));
            if (target != null && files.containsKey(target) && !inProgress.contains(target)) {
                out.append(text, last, m.end("ref")).append("?v=").append(build(target).version());
                last = m.end("ref");
            }
        }
        return out.append(text, last, text.length()).toString();
    }

    /** The asset name a link from {@code from} points to (its query ignored), or null when it leaves {@code /assets/}. */
    static String resolve(String from, String ref) {
        int query = ref.indexOf('?');
        String target = query < 0 ? ref : ref.substring(0, query);
        try {
            String path = new URI(null, null, "/assets/" + from, null).resolve(new URI(null, null, target, null)).normalize().getPath();
            return path != null && path.startsWith("/assets/") ? path.substring("/assets/".length()) : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
