package org.vitrine.web.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.framework.Bundle;

/**
 * The web interface's static files, read once from the bundle. Only names found in the bundle at start can be
 * served, so a request path can never reach another file (no {@code ..}, no encoded tricks, no directories).
 */
final class AssetCatalog {

    static final String ROOT = "ui/assets";

    private final Map<String, Asset> assets;

    /** The files as read, keyed by path below {@code /assets/}; their links to each other get versioned. */
    AssetCatalog(Map<String, byte[]> files) {
        this.assets = Collections.unmodifiableMap(AssetLinks.versioned(files));
    }

    /** Every file under {@code ui/assets/} in the bundle, keyed by its path below that folder. */
    static AssetCatalog fromBundle(Bundle bundle) {
        Map<String, byte[]> files = new HashMap<>();
        Enumeration<URL> entries = bundle.findEntries(ROOT, "*", true);
        while (entries != null && entries.hasMoreElements()) {
            URL url = entries.nextElement();
            String path = url.getPath();
            if (path.endsWith("/")) {
                continue;
            }
            String name = path.substring(path.indexOf(ROOT) + ROOT.length() + 1);
            files.put(name, read(url));
        }
        return new AssetCatalog(files);
    }

    /** The file served at {@code /assets/<name>}; empty for anything else. */
    Optional<Asset> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(assets.get(name));
    }

    /** The scripts the module imports before it runs, directly or not: worth fetching in parallel with it. */
    Set<String> staticImports(String module) {
        return AssetLinks.staticImports(module, assets);
    }

    int size() {
        return assets.size();
    }

    private static byte[] read(URL url) {
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + url, e);
        }
    }
}
