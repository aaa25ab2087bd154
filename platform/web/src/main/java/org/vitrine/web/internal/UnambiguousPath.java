package org.vitrine.web.internal;

import java.util.Locale;
import java.util.Optional;

/**
 * Refuses API addresses that different layers could read differently, judged on the raw request URI as the
 * client sent it (not decoded): path parameters ({@code ;} or {@code %3B}, which the router drops while a path
 * check would keep them), encoded slashes and backslashes ({@code %2F}, {@code %5C}, {@code \}), dot segments
 * ({@code .}, {@code ..}, also as {@code %2e}) and empty segments ({@code //}). A single trailing slash is not
 * ambiguous and is left to routing. Vitrine's own addresses never need any of these.
 */
final class UnambiguousPath {

    private UnambiguousPath() {
    }

    /** Why this raw path (without the query) is refused, or empty when it is plain. */
    static Optional<String> refusal(String rawPath) {
        String path = rawPath.toLowerCase(Locale.ROOT);
        if (path.contains(";") || path.contains("%3b")) {
            return Optional.of("API addresses take no path parameters (';').");
        }
        if (path.contains("%2f") || path.contains("%5c") || path.contains("\\")) {
            return Optional.of("API addresses take no encoded slashes or backslashes.");
        }
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        String[] segments = trimmed.split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i].replace("%2e", ".");
            if (segment.isEmpty()) {
                return Optional.of("API addresses take no empty segments ('//').");
            }
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.of("API addresses take no dot segments ('.' or '..').");
            }
        }
        return Optional.empty();
    }
}
