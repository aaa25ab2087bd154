package org.vitrine.api.devices;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Recognises a browser that has signed in to an account before, by its device cookie: the platform hands every
 * browser that completes a sign-in (second factor included) a cookie named {@link #NAME} holding 256 random bits,
 * and remembers the cookie's SHA-256 for that account. A value cannot be guessed, and it is known only for the
 * accounts the browser signed in to, so it proves "this browser signed in to this account before" and nothing else.
 * Sign-in methods use it to spare the owner's own devices the throttling meant for guessers (OWASP, "Slow down
 * online guessing attacks with device cookies").
 *
 * <p>Threading: thread-safe; blocks on the database for a few milliseconds.
 */
@ProviderType
public interface DeviceCookies {

    /** The name of the device cookie. */
    String NAME = "vitrine_device";

    /**
     * The device, when a browser holding this cookie value completed a sign-in to the account before.
     *
     * @param accountId   the account asked about; an unknown id is simply not known
     * @param cookieValue the value of the {@link #NAME} cookie the request carries, or {@code null}
     * @return the device's id (the hex SHA-256 of the cookie, as stored; not secret, fit as a key for the device's own
     *         budget), or empty for a missing, malformed or unknown value and for another account's device
     */
    Optional<String> knownDevice(long accountId, String cookieValue);
}
