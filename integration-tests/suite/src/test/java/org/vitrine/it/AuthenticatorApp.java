package org.vitrine.it;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What an authenticator app on a phone computes from the enrolment secret: RFC 6238 codes (HMAC-SHA1,
 * 6 digits, 30-second steps), written here from the RFC rather than taken from the product.
 */
final class AuthenticatorApp {

    static final Duration STEP = Duration.ofSeconds(30);
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private final byte[] secret;

    AuthenticatorApp(String base32Secret) {
        this.secret = decodeBase32(base32Secret);
    }

    /** The code the app shows now. */
    String currentCode() {
        return codeAt(Instant.now());
    }

    /**
     * The code of the next time step: the server accepts one step of clock drift, so this is a valid code
     * that no earlier request can have used yet.
     */
    String nextCode() {
        return codeAt(Instant.now().plus(STEP));
    }

    /** A six-digit code that is valid at no step the server could accept now. */
    String wrongCode() {
        Instant now = Instant.now();
        Set<String> valid = Set.of(codeAt(now.minus(STEP.multipliedBy(2))), codeAt(now.minus(STEP)), codeAt(now),
                codeAt(now.plus(STEP)), codeAt(now.plus(STEP.multipliedBy(2))));
        int candidate = (Integer.parseInt(codeAt(now)) + 500_000) % 1_000_000;
        while (valid.contains(String.format("%06d", candidate))) {
            candidate = (candidate + 1) % 1_000_000;
        }
        return String.format("%06d", candidate);
    }

    String codeAt(Instant time) {
        long counter = time.getEpochSecond() / STEP.getSeconds();
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every Java runtime", e);
        }
    }

    /** The raw secret, as it must never be found at rest. */
    byte[] secret() {
        return secret.clone();
    }

    static byte[] decodeBase32(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.replace("=", "").toUpperCase().toCharArray()) {
            int value = BASE32.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("'" + c + "' is not a base32 character in " + text);
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
