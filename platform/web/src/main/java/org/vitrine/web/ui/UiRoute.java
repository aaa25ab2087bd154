package org.vitrine.web.ui;

import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The paths the web interface answers with its app shell; the browser-side router draws the page. Anything
 * else gets the shell with status 404, and the router shows "not found".
 */
final class UiRoute {

    private static final Set<String> PAGES = Set.of("/", "/designers", "/signin", "/register", "/account", "/import",
            "/admin", "/admin/modules", "/admin/audit", "/admin/users", "/admin/mail", "/admin/imports", "/api-docs", "/privacy", "/privacy/settings", "/terms", "/contact",
            "/moderation", "/forgot-password", "/reset-password", "/verify-email");
    private static final Pattern DOCUMENT = Pattern.compile("/d/([^/]+)");
    private static final Pattern DESIGNER = Pattern.compile("/designers/[^/]+");
    private static final Pattern NUMBER = Pattern.compile("[1-9][0-9]{0,17}");
    private static final Pattern ADMIN_USER = Pattern.compile("/admin/users/[1-9][0-9]{0,17}");

    private UiRoute() {
    }

    /** Whether the path is a page of the interface. */
    static boolean known(String path) {
        return path != null && (PAGES.contains(path) || DOCUMENT.matcher(path).matches() || DESIGNER.matcher(path).matches()
                || ADMIN_USER.matcher(path).matches());
    }

    /** The document id of a {@code /d/{id}} path whose id is a number; empty otherwise. */
    static OptionalLong documentId(String path) {
        if (path == null) {
            return OptionalLong.empty();
        }
        Matcher m = DOCUMENT.matcher(path);
        if (!m.matches() || !NUMBER.matcher(m.group(1)).matches()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(m.group(1)));
    }
}
