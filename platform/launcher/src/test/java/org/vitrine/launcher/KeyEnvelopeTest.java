package org.vitrine.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class KeyEnvelopeTest {

    private final byte[] key = new byte[32];

    KeyEnvelopeTest() {
        new SecureRandom().nextBytes(key);
    }

    @Test
    void the_passphrase_opens_the_sealed_key_and_the_envelope_does_not_show_it() throws Exception {
        KeyEnvelope envelope = KeyEnvelope.seal(key, "a long enough passphrase".toCharArray());
        assertArrayEquals(key, envelope.open("a long enough passphrase".toCharArray()));
        String written = BackupWriter.JSON.writeValueAsString(envelope);
        assertFalse(written.contains(Base64.getEncoder().encodeToString(key)), written);
        assertEquals(envelope, BackupWriter.JSON.readValue(written, KeyEnvelope.class));
    }

    @Test
    void another_passphrase_or_an_altered_envelope_is_refused() {
        KeyEnvelope envelope = KeyEnvelope.seal(key, "a long enough passphrase".toCharArray());
        assertThrows(RestoreRefusedException.class, () -> envelope.open("another passphrase!".toCharArray()));
        byte[] sealed = Base64.getDecoder().decode(envelope.sealed());
        sealed[0] ^= 1;
        KeyEnvelope altered = new KeyEnvelope(envelope.salt(), envelope.memoryKiB(), envelope.iterations(), envelope.parallelism(),
                envelope.nonce(), Base64.getEncoder().encodeToString(sealed));
        assertThrows(RestoreRefusedException.class, () -> altered.open("a long enough passphrase".toCharArray()));
    }

    @Test
    void the_fingerprint_is_the_one_vitrine_stores_beside_sealed_values() {
        assertEquals(16, KeyEnvelope.fingerprint(key).length());
        assertEquals("66687aadf862bd77", KeyEnvelope.fingerprint(new byte[32]));
    }
}
