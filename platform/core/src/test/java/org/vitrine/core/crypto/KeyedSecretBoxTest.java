package org.vitrine.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vitrine.api.crypto.Sealed;

class KeyedSecretBoxTest {

    @TempDir
    Path data;

    @Test
    void a_sealed_secret_opens_only_for_its_purpose_and_hides_the_plaintext() throws Exception {
        var box = new KeyedSecretBox(KeyedSecretBox.loadKey(null, data));
        byte[] secret = "JBSWY3DPEHPK3PXP".getBytes(StandardCharsets.UTF_8);
        Sealed sealed = box.seal("totp", secret);
        assertFalse(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1).contains("JBSWY3DP"));
        assertArrayEquals(secret, box.open("totp", sealed));
        assertThrows(IllegalArgumentException.class, () -> box.open("other", sealed));
        byte[] tampered = sealed.ciphertext();
        tampered[0] ^= 1;
        assertThrows(IllegalArgumentException.class, () -> box.open("totp", new Sealed(tampered, sealed.nonce(), sealed.keyId())));
        assertNotEquals(sealed, box.seal("totp", secret), "a fresh nonce every time");
    }

    @Test
    void the_generated_key_is_kept_owner_only_and_reused() throws Exception {
        byte[] first = KeyedSecretBox.loadKey(null, data);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("secret.key"))));
        assertArrayEquals(first, KeyedSecretBox.loadKey(null, data));
        var box = new KeyedSecretBox(first);
        assertEquals(box.keyedHash("recovery", "abc"), new KeyedSecretBox(first).keyedHash("recovery", "abc"));
        assertNotEquals(box.keyedHash("recovery", "abc"), box.keyedHash("email", "abc"));
    }
}
