package org.vitrine.api.crypto;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Seals secrets that must be kept at rest (TOTP seeds) and makes keyed hashes of single-use codes (recovery
 * codes, e-mail tokens), with the platform's secret key ({@code VITRINE_SECRET_KEY}, or a key generated into
 * the data folder with owner-only permissions on first run).
 *
 * <p>Threading: thread-safe and fast (microseconds); no I/O after activation.
 */
@ProviderType
public interface SecretBox {

    /** Seals the bytes; {@code purpose} is bound into the seal, so a sealed value cannot be reused elsewhere. */
    Sealed seal(String purpose, byte[] secret);

    /**
     * Opens a seal made for the same purpose.
     *
     * @throws IllegalArgumentException when the seal was altered, made for another purpose or with an unknown key
     */
    byte[] open(String purpose, Sealed sealed);

    /** HMAC-SHA256 of the value under a key derived for the purpose, as lowercase hex. */
    String keyedHash(String purpose, String value);
}
