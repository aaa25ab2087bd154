package org.vitrine.launcher;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The secret key inside a backup: sealed with AES-256-GCM under a key derived from a passphrase with Argon2id
 * (Bouncy Castle), so a backup never carries the key in clear beside the data it protects. The parameters travel in
 * the backup's manifest; a wrong passphrase (or an altered envelope) fails the GCM check.
 *
 * @param salt        Argon2id salt, base64
 * @param memoryKiB   Argon2id memory
 * @param iterations  Argon2id passes
 * @param parallelism Argon2id lanes
 * @param nonce       AES-GCM nonce, base64
 * @param sealed      the sealed key with its tag, base64
 */
record KeyEnvelope(String salt, int memoryKiB, int iterations, int parallelism, String nonce, String sealed) {

    static final int MIN_PASSPHRASE = 12;
    private static final byte[] PURPOSE = "vitrine-backup-secret-key".getBytes(StandardCharsets.UTF_8);
    private static final SecureRandom RANDOM = new SecureRandom();

    static KeyEnvelope seal(byte[] key, char[] passphrase) {
        byte[] salt = random(16);
        byte[] nonce = random(12);
        KeyEnvelope parameters = new KeyEnvelope(b64(salt), 65536, 3, 1, b64(nonce), "");
        byte[] wrapping = parameters.derive(passphrase);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(wrapping, "AES"), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(PURPOSE);
            return new KeyEnvelope(parameters.salt, parameters.memoryKiB, parameters.iterations, parameters.parallelism,
                    parameters.nonce, b64(cipher.doFinal(key)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        } finally {
            Arrays.fill(wrapping, (byte) 0);
        }
    }

    /** The key, or an exception naming the likely cause. */
    byte[] open(char[] passphrase) throws RestoreRefusedException {
        byte[] wrapping = derive(passphrase);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(wrapping, "AES"),
                    new GCMParameterSpec(128, Base64.getDecoder().decode(nonce)));
            cipher.updateAAD(PURPOSE);
            return cipher.doFinal(Base64.getDecoder().decode(sealed));
        } catch (AEADBadTagException e) {
            throw new RestoreRefusedException("The passphrase does not open the secret key in this backup (wrong passphrase, "
                    + "or the backup was altered).");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        } finally {
            Arrays.fill(wrapping, (byte) 0);
        }
    }

    /** The key's public fingerprint, as Vitrine records it beside sealed values (not secret: a hash prefix). */
    static String fingerprint(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key)).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private byte[] derive(char[] passphrase) {
        Argon2BytesGenerator argon2 = new Argon2BytesGenerator();
        argon2.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withSalt(Base64.getDecoder().decode(salt))
                .withMemoryAsKB(memoryKiB)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .build());
        byte[] out = new byte[32];
        argon2.generateBytes(passphrase, out);
        return out;
    }

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
