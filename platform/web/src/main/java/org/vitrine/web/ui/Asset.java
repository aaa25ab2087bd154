package org.vitrine.web.ui;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * One static file of the web interface, held in memory with its content type and a strong ETag derived from
 * its content (so the tag changes exactly when the file does).
 *
 * @param name        path below {@code /assets/}, e.g. {@code js/app.js}
 * @param content     the bytes
 * @param contentType the media type sent with it
 * @param etag        quoted strong entity tag
 */
record Asset(String name, byte[] content, String contentType, String etag) {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html;charset=utf-8"),
            Map.entry("css", "text/css;charset=utf-8"),
            Map.entry("js", "text/javascript;charset=utf-8"),
            Map.entry("mjs", "text/javascript;charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("webp", "image/webp"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("txt", "text/plain;charset=utf-8"));

    static Asset of(String name, byte[] content) {
        return new Asset(name, content, contentType(name), "\"" + hash(content) + "\"");
    }

    /** The content hash without quotes, short enough for a URL ({@code ?v=}). */
    String version() {
        return etag.substring(1, etag.length() - 1);
    }

    static String contentType(String name) {
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }

    static String hash(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    String text() {
        return new String(content, StandardCharsets.UTF_8);
    }
}
