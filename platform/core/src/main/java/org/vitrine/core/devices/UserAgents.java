package org.vitrine.core.devices;

/**
 * A short, readable summary of a {@code User-Agent} header ("Firefox on Linux"), for the new-device e-mail and the
 * list of known devices; the whole header is not kept.
 */
final class UserAgents {

    static final int MAX = 100;

    private UserAgents() {
    }

    static String summary(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return null;
        }
        String browser = browser(userAgent);
        String system = system(userAgent);
        String summary = browser == null ? firstProduct(userAgent) : system == null ? browser : browser + " on " + system;
        return summary.length() > MAX ? summary.substring(0, MAX) : summary;
    }

    private static String browser(String ua) {
        if (ua.contains("Edg/")) return "Edge";
        if (ua.contains("OPR/")) return "Opera";
        if (ua.contains("Firefox/")) return "Firefox";
        if (ua.contains("Chrome/") || ua.contains("Chromium/")) return "Chrome";
        if (ua.contains("Safari/")) return "Safari";
        return null;
    }

    private static String system(String ua) {
        if (ua.contains("Android")) return "Android";
        if (ua.contains("iPhone") || ua.contains("iPad")) return "iOS";
        if (ua.contains("Windows")) return "Windows";
        if (ua.contains("Mac OS X") || ua.contains("Macintosh")) return "macOS";
        if (ua.contains("CrOS")) return "ChromeOS";
        if (ua.contains("Linux")) return "Linux";
        return null;
    }

    /** Another client, e.g. a script: its first product token ("curl/8.5.0"), without control characters. */
    private static String firstProduct(String ua) {
        String first = ua.strip().split("\\s+")[0];
        return first.replaceAll("\\p{Cntrl}", "");
    }
}
