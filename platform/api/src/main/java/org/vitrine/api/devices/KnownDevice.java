package org.vitrine.api.devices;

import java.time.Instant;

/**
 * A device (a browser) an account signed in from.
 *
 * @param hash      SHA-256 of the device cookie, hex; the cookie itself is never stored
 * @param firstSeen its first sign-in to the account
 * @param lastSeen  its latest sign-in to the account
 * @param userAgent a short summary of its user agent (e.g. "Firefox on Linux"), or null
 */
public record KnownDevice(String hash, Instant firstSeen, Instant lastSeen, String userAgent) {
}
