package org.vitrine.onshape.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.vitrine.api.problem.DomainException;

/**
 * Signs API requests with the instance's Onshape API keys, when an admin configured them
 * ({@code api.access.key}, {@code api.secret.key}): {@code Authorization: On <access key>:HmacSHA256:<signature>}
 * over the lower-cased method, nonce, date, content type, path and query, with {@code Date} and
 * {@code On-Nonce} headers. The keys act as the Onshape user who made them.
 */
public final class ApiKeySigner implements TokenSource {

    static final String CONTENT_TYPE = "application/json";
    private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final String accessKey;
    private final byte[] secretKey;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ApiKeySigner(OnshapeConfig config, Clock clock) {
        this.accessKey = config.accessKey();
        this.secretKey = config.secretKey().getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    @Override
    public String accessToken() {
        throw new UnsupportedOperationException("API keys sign each request");
    }

    @Override
    public String refreshed() {
        throw new DomainException(DomainException.Kind.UNAVAILABLE,
                "Onshape refused the instance API keys (config/onshape.properties: api.access.key, api.secret.key).");
    }

    @Override
    public Map<String, String> authorize(String method, URI uri) {
        return sign(method, uri, nonce(), RFC_1123.format(clock.instant()));
    }

    Map<String, String> sign(String method, URI uri, String nonce, String date) {
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        String toSign = (method + "\n" + nonce + "\n" + date + "\n" + CONTENT_TYPE + "\n" + uri.getRawPath() + "\n" + query + "\n")
                .toLowerCase(Locale.ROOT);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretKey, "HmacSHA256"));
            String signature = Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
            return Map.of("Authorization", "On " + accessKey + ":HmacSHA256:" + signature, "Date", date, "On-Nonce", nonce,
                    "Content-Type", CONTENT_TYPE);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private String nonce() {
        StringBuilder sb = new StringBuilder(25);
        for (int i = 0; i < 25; i++) {
            sb.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return sb.toString();
    }
}
