package org.vitrine.web.ui;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one HTML page of the web interface ({@code ui/shell.html}). The server fills in the {@code <head>} (title,
 * description, link-preview tags) and versions the links to the stylesheet and the entry script with their
 * content hash, so browsers may keep those for long, and lists the entry script's static imports as module
 * preloads, so they load together instead of one level at a time; the browser-side router draws the rest.
 */
final class AppShell {

    static final String TEMPLATE = "ui/shell.html";
    private static final String HEAD = "<!--vitrine:head-->";
    /** Inside {@code <body ...>}: tells the script whether asking who is signed in is worth a request. */
    private static final String SESSION = "{{session}}";
    private static final Pattern ASSET = Pattern.compile("\\{\\{asset:([^}]+)}}");
    /** Links that let the browser fetch a module's static imports at once rather than one level at a time. */
    private static final Pattern PRELOAD = Pattern.compile("\\{\\{modulepreload:([^}]+)}}");

    private final String before;
    private final String between;
    private final String after;

    AppShell(String template, AssetCatalog assets) {
        String page = versioned(template, assets);
        int head = page.indexOf(HEAD);
        int session = page.indexOf(SESSION);
        if (head < 0 || session < head) {
            throw new IllegalArgumentException("The app shell needs a " + HEAD + " marker, then a " + SESSION + " marker");
        }
        this.before = page.substring(0, head);
        this.between = page.substring(head + HEAD.length(), session);
        this.after = page.substring(session + SESSION.length());
    }

    /**
     * The page with this head. {@code mayBeSignedIn} is false when the request carried no session cookie, so the
     * script need not ask the server who is signed in (most visitors of a public gallery are anonymous).
     */
    String render(HeadMeta head, boolean mayBeSignedIn) {
        return render(head, "", mayBeSignedIn);
    }

    /** The page with this head, followed by {@code extraHead} (already HTML, e.g. the analytics script's tag). */
    String render(HeadMeta head, String extraHead, boolean mayBeSignedIn) {
        return before + head.toHtml() + extraHead + between + " data-session=\"" + (mayBeSignedIn ? "maybe" : "none") + "\"" + after;
    }

    private static String versioned(String template, AssetCatalog assets) {
        Matcher p = PRELOAD.matcher(template);
        StringBuilder preloaded = new StringBuilder();
        while (p.find()) {
            StringBuilder links = new StringBuilder();
            for (String module : assets.staticImports(p.group(1))) {
                links.append("<link rel=\"modulepreload\" href=\"").append(url(module, assets)).append("\">\n");
            }
            p.appendReplacement(preloaded, Matcher.quoteReplacement(links.toString()));
        }
        p.appendTail(preloaded);
        Matcher m = ASSET.matcher(preloaded);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(url(m.group(1), assets)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String url(String name, AssetCatalog assets) {
        Asset asset = assets.find(name).orElseThrow(() -> new IllegalArgumentException("The app shell links to a missing asset: " + name));
        return "/assets/" + name + "?v=" + asset.version();
    }
}
