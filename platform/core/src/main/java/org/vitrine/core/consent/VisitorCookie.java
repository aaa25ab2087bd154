package org.vitrine.core.consent;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The consent cookie of a visitor without an account: a random id (128 bits) under which their choices are
 * recorded. It is strictly necessary (it remembers the choices themselves), HttpOnly, SameSite=Lax, Secure when
 * the public URL is https, and lives 400 days, the longest browsers keep a cookie.
 */
final class VisitorCookie {

    static final String NAME = "vitrine_consent";
    private static final long MAX_AGE_SECONDS = 400L * 24 * 3600;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private VisitorCookie() {
    }

    static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The id the cookie carries, or {@code null} when it is absent or not one Vitrine could have made. */
    static String valid(String value) {
        return value != null && ID.matcher(value).matches() ? value : null;
    }

    static String header(String id, boolean secure) {
        return NAME + "=" + id + "; Path=/; Max-Age=" + MAX_AGE_SECONDS + "; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "");
    }
}
