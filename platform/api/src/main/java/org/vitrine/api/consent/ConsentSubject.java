package org.vitrine.api.consent;

import java.util.regex.Pattern;

/**
 * Whose decision it is: an account, or an anonymous visitor known only by the random id in their consent cookie.
 * Exactly one of the two is set. Code that asks {@link ConsentService#allows} about a request finds the subject with
 * {@link #of(Long, String)}, so every part of Vitrine agrees on who is asking.
 */
public record ConsentSubject(Long accountId, String visitorId) {

    /**
     * The consent cookie of a visitor without an account: it carries the random visitor id (22 URL-safe base64
     * characters, 128 bits) under which their choices are recorded.
     */
    public static final String COOKIE = "vitrine_consent";

    private static final Pattern VISITOR_ID = Pattern.compile("[A-Za-z0-9_-]{22}");

    public ConsentSubject {
        if ((accountId == null) == (visitorId == null)) {
            throw new IllegalArgumentException("a consent subject is either an account or a visitor");
        }
        if (visitorId != null && (visitorId.isEmpty() || visitorId.length() > 64)) {
            throw new IllegalArgumentException("a visitor id has 1 to 64 characters");
        }
    }

    public static ConsentSubject account(long accountId) {
        return new ConsentSubject(accountId, null);
    }

    public static ConsentSubject visitor(String visitorId) {
        return new ConsentSubject(null, visitorId);
    }

    /**
     * The subject of a request: the signed-in account when there is one (a visitor's choices follow them into their
     * account when they sign in), otherwise the visitor of a well-formed consent cookie, otherwise {@code null}
     * (someone who decided nothing: the policy's defaults apply).
     *
     * @param signedInAccount the account of the request's session, or {@code null}
     * @param consentCookie   the value of the {@value #COOKIE} cookie, or {@code null}
     */
    public static ConsentSubject of(Long signedInAccount, String consentCookie) {
        if (signedInAccount != null) {
            return account(signedInAccount);
        }
        String visitor = visitorIdOf(consentCookie);
        return visitor == null ? null : visitor(visitor);
    }

    /** The visitor id a consent cookie carries, or {@code null} when it is absent or not one Vitrine could have made. */
    public static String visitorIdOf(String consentCookie) {
        return consentCookie != null && VISITOR_ID.matcher(consentCookie).matches() ? consentCookie : null;
    }

    public boolean isAccount() {
        return accountId != null;
    }
}
