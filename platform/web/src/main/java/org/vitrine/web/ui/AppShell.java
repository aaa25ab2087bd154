package org.vitrine.web.ui;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one HTML page of the web interface ({@code ui/shell.html}). The server fills in the {@code <head>} (title,
 * description, link-preview tags) and versions the links to the stylesheet and the entry script with their
 * content hash, so browsers may keep those for long; the browser-side router draws the rest.
 */
final class AppShell {

    static final String TEMPLATE = "ui/shell.html";
    private static final String HEAD = "<!--vitrine:head-->";
    private static final Pattern ASSET = Pattern.compile("\\{\\{asset:([^}]+)}}");

    private final String before;
    private final String after;

    AppShell(String template, AssetCatalog assets) {
        String page = versioned(template, assets);
        int at = page.indexOf(HEAD);
        if (at < 0) {
            throw new IllegalArgumentException("The app shell has no " + HEAD + " marker");
        }
        this.before = page.substring(0, at);
        this.after = page.substring(at + HEAD.length());
    }

    String render(HeadMeta head) {
        return before + head.toHtml() + after;
    }

    private static String versioned(String template, AssetCatalog assets) {
        Matcher m = ASSET.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            Asset asset = assets.find(name).orElseThrow(() -> new IllegalArgumentException("The app shell links to a missing asset: " + name));
            m.appendReplacement(out, Matcher.quoteReplacement("/assets/" + name + "?v=" + asset.version()));
        }
        m.appendTail(out);
        return out.toString();
    }
}
