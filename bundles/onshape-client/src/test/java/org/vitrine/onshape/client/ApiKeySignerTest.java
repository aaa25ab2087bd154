package org.vitrine.onshape.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class ApiKeySignerTest {

    private static final OnshapeConfig KEYS = OnshapeConfig.from(Map.of("api.access.key", "ACCESSKEY", "api.secret.key", "s3cr3t"), null);

    @Test
    void requests_are_signed_over_the_lower_cased_method_nonce_date_type_path_and_query() throws Exception {
        var signer = new ApiKeySigner(KEYS, Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC));
        URI uri = URI.create("https://cad.onshape.com/api/v16/documents?filter=0&limit=20");
        Map<String, String> headers = signer.sign("GET", uri, "abcdefghij0123456789xyzab", "Sun, 22 Nov 2026 10:00:00 GMT");
        String expected = "get\nabcdefghij0123456789xyzab\nsun, 22 nov 2026 10:00:00 gmt\napplication/json\n/api/v16/documents\nfilter=0&limit=20\n";
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("s3cr3t".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertEquals("On ACCESSKEY:HmacSHA256:" + Base64.getEncoder().encodeToString(mac.doFinal(expected.getBytes(StandardCharsets.UTF_8))),
                headers.get("Authorization"));
        assertEquals("abcdefghij0123456789xyzab", headers.get("On-Nonce"));
        assertEquals("application/json", headers.get("Content-Type"));
    }

    @Test
    void every_request_gets_a_fresh_nonce_and_the_current_date() {
        var signer = new ApiKeySigner(KEYS, Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC));
        URI uri = URI.create("https://cad.onshape.com/api/v16/documents/0123456789abcdef01234567");
        Map<String, String> one = signer.authorize("GET", uri);
        Map<String, String> two = signer.authorize("GET", uri);
        assertNotEquals(one.get("On-Nonce"), two.get("On-Nonce"));
        assertTrue(one.get("On-Nonce").matches("[a-z0-9]{25}"));
        assertEquals("Sun, 22 Nov 2026 10:00:00 GMT", one.get("Date"));
    }
}
