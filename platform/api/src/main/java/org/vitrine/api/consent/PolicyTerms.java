package org.vitrine.api.consent;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * A policy version and the day it applies from, kept together so that a reader never sees one without the other.
 * Consent modules read both from the admin's settings with {@link #parse}.
 */
public record PolicyTerms(String version, LocalDate effectiveDate) {

    public PolicyTerms {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(effectiveDate, "effectiveDate");
        if (version.isBlank() || version.length() > 32) {
            throw new IllegalArgumentException("a policy version has 1 to 32 characters, was '" + version + "'");
        }
    }

    /**
     * Terms from settings text.
     *
     * @throws IllegalArgumentException naming what is wrong (an empty or too long version, a date not in YYYY-MM-DD)
     */
    public static PolicyTerms parse(String version, String effectiveDate) {
        try {
            return new PolicyTerms(version == null ? "" : version.trim(), LocalDate.parse(effectiveDate == null ? "" : effectiveDate.trim()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + effectiveDate + "' is not a date (YYYY-MM-DD)", e);
        }
    }
}
