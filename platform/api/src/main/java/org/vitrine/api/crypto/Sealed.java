package org.vitrine.api.crypto;

import java.util.Arrays;
import java.util.Objects;

/**
 * A secret sealed with AES-GCM: only the platform's key opens it, and any change to the bytes is detected.
 *
 * @param ciphertext the encrypted secret with its authentication tag
 * @param nonce      the 12-byte nonce it was sealed with
 * @param keyId      which key sealed it, so keys can be rotated
 */
public record Sealed(byte[] ciphertext, byte[] nonce, String keyId) {
    public Sealed {
        Objects.requireNonNull(ciphertext, "ciphertext");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(keyId, "keyId");
        ciphertext = ciphertext.clone();
        nonce = nonce.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sealed s && Arrays.equals(ciphertext, s.ciphertext) && Arrays.equals(nonce, s.nonce)
                && keyId.equals(s.keyId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(ciphertext), Arrays.hashCode(nonce), keyId);
    }

    @Override
    public String toString() {
        return "Sealed[keyId=" + keyId + "]";
    }
}
