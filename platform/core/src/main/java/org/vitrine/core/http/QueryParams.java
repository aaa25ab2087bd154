package org.vitrine.core.http;

import org.vitrine.api.problem.DomainException;

/**
 * Reads query parameters the one way every resource does: blank means absent, and anything unusable is a 400
 * whose detail names the parameter and says what it takes.
 */
public final class QueryParams {

    private QueryParams() {
    }

    /** The stripped text, or null when absent or blank; longer than {@code max} characters is refused. */
    public static String text(String name, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw DomainException.badRequest("'" + name + "' is longer than " + max + " characters.");
        }
        return v;
    }

    /** A whole number from {@code min} to {@code max}. */
    public static int number(String name, String value, int min, int max) {
        return (int) longNumber(name, value, min, max);
    }

    /** A whole number from {@code min} to {@code max}, or null when absent or blank. */
    public static Long optionalNumber(String name, String value, long min, long max) {
        return value == null || value.isBlank() ? null : longNumber(name, value, min, max);
    }

    private static long longNumber(String name, String value, long min, long max) {
        try {
            long n = Long.parseLong(value == null ? "" : value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw DomainException.badRequest("'" + name + "' must be a whole number from " + min + " to " + max + ", not '" + value + "'.");
    }

    /** The id in a path: a positive whole number, else the thing is simply not there (404). */
    public static long pathId(String value, String notFound) {
        try {
            long id = Long.parseLong(value);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw DomainException.notFound(notFound);
    }
}
