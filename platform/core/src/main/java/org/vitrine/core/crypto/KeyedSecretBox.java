package org.vitrine.core.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vitrine.api.crypto.Sealed;
import org.vitrine.api.crypto.SecretBox;

/**
 * The platform's {@link SecretBox}: AES-256-GCM with the purpose as associated data, and HMAC-SHA256 under
 * per-purpose subkeys. The key comes from {@code VITRINE_SECRET_KEY} (base64 of 32 bytes, handed over by
 * the launcher) or from {@code data/secret.key}, generated on first run and readable by its owner only.
 * Losing the key makes sealed secrets unreadable: back it up with the database.
 */
@Component
public class KeyedSecretBox implements SecretBox {

    private static final Logger LOG = LoggerFactory.getLogger(KeyedSecretBox.class);
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private final SecureRandom random = new SecureRandom();
    private final byte[] key;
    private final String keyId;

    @Activate
    public KeyedSecretBox(BundleContext context) throws IOException {
        this(loadKey(context.getProperty("vitrine.secret.key"), Path.of(
                context.getProperty("vitrine.data.dir") != null ? context.getProperty("vitrine.data.dir") : "data")));
    }

    KeyedSecretBox(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("the secret key must be 32 bytes");
        }
        this.key = key.clone();
        this.keyId = HexFormat.of().formatHex(sha256(key)).substring(0, 16);
    }

    @Override
    public Sealed seal(String purpose, byte[] secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            return new Sealed(cipher.doFinal(secret), nonce, keyId);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    @Override
    public byte[] open(String purpose, Sealed sealed) {
        if (!keyId.equals(sealed.keyId())) {
            throw new IllegalArgumentException("sealed with another key (" + sealed.keyId() + ")");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, sealed.nonce()));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed.ciphertext());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the sealed value was altered or sealed for another purpose");
        }
    }

    @Override
    public String keyedHash(String purpose, String value) {
        byte[] subkey = hmac(key, ("vitrine-keyed-hash:" + purpose).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(hmac(subkey, value.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static byte[] loadKey(String configured, Path dataDir) throws IOException {
        if (configured != null && !configured.isBlank()) {
            return Base64.getDecoder().decode(configured.trim());
        }
        Path file = dataDir.resolve("secret.key");
        if (!Files.exists(file)) {
            byte[] fresh = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(fresh);
            Files.createDirectories(dataDir);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n");
                LOG.warn("Generated a new secret key in {}: back it up with the database, sealed secrets need it", file);
            } catch (FileAlreadyExistsException raced) {
                // another start wrote it first: use that one
            } catch (UnsupportedOperationException noPosix) {
                Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n");
            }
        }
        byte[] key = Base64.getDecoder().decode(Files.readString(file).trim());
        if (key.length != KEY_BYTES) {
            throw new IOException(file + " does not hold a 32-byte key (base64)");
        }
        return key;
    }
}
