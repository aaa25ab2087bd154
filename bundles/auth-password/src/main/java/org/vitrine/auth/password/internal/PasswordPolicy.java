package org.vitrine.auth.password.internal;

import java.text.Normalizer;
import java.util.Locale;

import org.vitrine.api.problem.DomainException;

/**
 * Password rules after NIST SP 800-63B: a minimum length (configurable), at most 128 characters, any
 * characters including spaces and emoji, no composition rules; refused when it is a common password, a
 * repeated or sequential pattern, or contains the person's e-mail address or the site's name. Each refusal
 * names the rule.
 */
final class PasswordPolicy {

    static final int MAX_LENGTH = 128;
    static final String PRODUCT = "vitrine";
    private final CommonPasswords common;

    PasswordPolicy(CommonPasswords common) {
        this.common = common;
    }

    /** Unicode passwords are compared and hashed in one normal form, so the same password always matches. */
    static String normalise(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }

    void check(String password, String email, int minLength) {
        if (password == null || password.isEmpty()) {
            throw DomainException.badRequest("Password missing: send a 'password'.");
        }
        String p = normalise(password);
        int length = p.codePointCount(0, p.length());
        if (length < minLength) {
            throw DomainException.badRequest("Password too short: use at least " + minLength
                    + " characters (spaces and any characters count).");
        }
        if (length > MAX_LENGTH) {
            throw DomainException.badRequest("Password too long: use at most " + MAX_LENGTH + " characters.");
        }
        if (common.contains(p)) {
            throw DomainException.badRequest("Password refused: it is on a list of commonly used passwords; choose another.");
        }
        if (repetitiveOrSequential(p)) {
            throw DomainException.badRequest("Password refused: it is a repeated or sequential pattern (like 'aaaa…' or '1234…').");
        }
        String lower = p.toLowerCase(Locale.ROOT);
        if (email != null && !email.isEmpty()) {
            String local = email.contains("@") ? email.substring(0, email.indexOf('@')) : email;
            if (lower.contains(email) || (local.length() >= 4 && lower.contains(local))) {
                throw DomainException.badRequest("Password refused: it must not contain your e-mail address.");
            }
        }
        if (lower.contains(PRODUCT)) {
            throw DomainException.badRequest("Password refused: it must not contain the name of this site (" + PRODUCT + ").");
        }
    }

    /** One or two characters repeated, or a run of consecutive characters up or down ("abcdef…", "987654…"). */
    static boolean repetitiveOrSequential(String p) {
        if (p.codePoints().distinct().count() <= 2) {
            return true;
        }
        int[] cps = p.codePoints().toArray();
        boolean up = true;
        boolean down = true;
        for (int i = 1; i < cps.length; i++) {
            up &= cps[i] == cps[i - 1] + 1;
            down &= cps[i] == cps[i - 1] - 1;
        }
        return up || down;
    }
}
