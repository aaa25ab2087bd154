package org.vitrine.core.twofactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

class TotpAndRecoveryCodesTest {

    /** RFC 6238 appendix B, SHA-1, with the 8-digit values cut to the 6 digits authenticator apps show. */
    private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void codes_follow_the_rfc_6238_test_vectors() {
        Totp totp = new Totp();
        assertEquals(1, totp.matchingStep(RFC_SECRET, "287082", Instant.ofEpochSecond(59)).getAsLong());
        assertEquals(37037036, totp.matchingStep(RFC_SECRET, "081804", Instant.ofEpochSecond(1111111109)).getAsLong());
        assertEquals(37037037, totp.matchingStep(RFC_SECRET, "050471", Instant.ofEpochSecond(1111111111)).getAsLong());
    }

    @Test
    void a_code_is_accepted_one_step_early_or_late_but_not_two() {
        Totp totp = new Totp();
        assertTrue(totp.matchingStep(RFC_SECRET, "287082", Instant.ofEpochSecond(59 + 30)).isPresent());
        assertFalse(totp.matchingStep(RFC_SECRET, "287082", Instant.ofEpochSecond(59 + 60)).isPresent());
        assertFalse(totp.matchingStep(RFC_SECRET, "28708", Instant.ofEpochSecond(59)).isPresent());
        assertFalse(totp.matchingStep(RFC_SECRET, "abcdef", Instant.ofEpochSecond(59)).isPresent());
        assertFalse(totp.matchingStep(RFC_SECRET, null, Instant.ofEpochSecond(59)).isPresent());
    }

    @Test
    void the_enrolment_uri_carries_a_base32_secret_and_the_issuer() {
        assertEquals("MZXW6YTBOI", Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII)), "RFC 4648 test vector");
        String uri = Totp.otpauthUri("Vitrine", "ada@example.org", "foobar".getBytes(StandardCharsets.US_ASCII));
        assertEquals("otpauth://totp/Vitrine:ada%40example.org?secret=MZXW6YTBOI&issuer=Vitrine&algorithm=SHA1&digits=6&period=30", uri);
        assertTrue(Totp.qrCodeDataUrl(uri).startsWith("data:image/png;base64,iVBORw0KGgo"));
    }

    @Test
    void recovery_codes_are_ten_distinct_codes_typed_in_any_case_with_or_without_dashes() {
        List<String> codes = new RecoveryCodes().generate();
        assertEquals(10, codes.size());
        assertEquals(10, new HashSet<>(codes).size());
        assertTrue(codes.stream().allMatch(c -> c.matches("[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}")), codes.toString());
        assertEquals(RecoveryCodes.normalise("abcd-efgh-jkmn"), RecoveryCodes.normalise(" ABCD EFGH-JKMN "));
    }
}
