package org.vitrine.api.consent;

/**
 * Whose decision it is: an account, or an anonymous visitor known only by the random id in their consent cookie.
 * Exactly one of the two is set.
 */
public record ConsentSubject(Long accountId, String visitorId) {

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

    public boolean isAccount() {
        return accountId != null;
    }
}
