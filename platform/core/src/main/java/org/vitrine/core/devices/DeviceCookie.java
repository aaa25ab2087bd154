package org.vitrine.core.devices;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import org.vitrine.api.devices.DeviceCookies;

/**
 * The cookie that makes a browser a known device: 256 random bits, HttpOnly, SameSite=Lax, Secure when the public
 * address is https, kept 400 days (the longest browsers keep a cookie). Only its SHA-256 is stored, per account.
 */
final class DeviceCookie {

    static final String NAME = DeviceCookies.NAME;
    private static final long MAX_AGE_SECONDS = 400L * 24 * 3600;
    private static final SecureRandom RANDOM = new SecureRandom();

    private DeviceCookie() {
    }

    static String newValue() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether a cookie value is one Vitrine could have made (43 base64url characters). */
    static boolean valid(String value) {
        return value != null && value.matches("[A-Za-z0-9_-]{43}");
    }

    /** The lower-case hex SHA-256 of the value, as stored. */
    static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The {@code Set-Cookie} value that hands the device its cookie, refreshed at each sign-in. */
    static String header(String value, boolean secure) {
        return NAME + "=" + value + "; Path=/; Max-Age=" + MAX_AGE_SECONDS + "; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "");
    }
}
