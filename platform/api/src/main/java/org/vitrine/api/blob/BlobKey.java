package org.vitrine.api.blob;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The address of a blob: 64 lowercase hex characters, always derived by hashing what the platform knows
 * about the content (never taken from user input), so it is safe to use as a file name.
 */
public record BlobKey(String value) {

    private static final Pattern FORM = Pattern.compile("[0-9a-f]{64}");

    public BlobKey {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("a blob key is 64 lowercase hex characters");
        }
    }

    /**
     * Derives a key from the parts that identify a blob, e.g. provider, document id and preview size.
     * Parts are length-prefixed so that ("ab", "c") and ("a", "bc") give different keys.
     */
    public static BlobKey derive(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
                sha.update(bytes);
            }
            return new BlobKey(HexFormat.of().formatHex(sha.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
