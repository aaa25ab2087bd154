package org.vitrine.api.accounts;

import java.util.Locale;
import java.util.regex.Pattern;

import org.vitrine.api.problem.DomainException;

/**
 * An e-mail address in the one form accounts are stored and looked up by: trimmed and in lower case.
 *
 * @param value the normalised address
 */
public record EmailAddress(String value) {

    private static final Pattern FORM = Pattern.compile("[^\\s@\\p{Cntrl}]{1,64}@[^\\s@\\p{Cntrl}]+\\.[^\\s@\\p{Cntrl}]+");

    /**
     * Normalises and checks an address given by a person.
     *
     * @throws DomainException BAD_REQUEST naming the problem
     */
    public static EmailAddress parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw DomainException.badRequest("E-mail address missing: send an 'email'.");
        }
        String value = raw.trim().toLowerCase(Locale.ROOT);
        if (value.length() > 254 || !FORM.matcher(value).matches()) {
            throw DomainException.badRequest("'" + raw.trim() + "' is not an e-mail address.");
        }
        return new EmailAddress(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
