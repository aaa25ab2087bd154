package org.vitrine.it.onshape;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Authorization codes and tokens, as Onshape's OAuth server keeps them: codes are single-use and expire 60 s
 * after issue, access tokens expire after the configured lifetime, and refreshing rotates the refresh token
 * (the old one stops working). Every token ever issued stays listed, so tests can look for leaks.
 */
final class TokenLedger {

    static final Duration CODE_LIFETIME = Duration.ofSeconds(60);

    /** What the token endpoint hands out. */
    record Grant(String accessToken, String refreshToken, long expiresInSeconds) {
    }

    private record Code(String clientId, String redirectUri, Instant expiresAt) {
    }

    private final Supplier<Instant> clock;
    private final Map<String, Code> codes = new HashMap<>();
    private final Map<String, Instant> accessTokens = new HashMap<>();
    private final Map<String, String> refreshTokens = new HashMap<>();
    private final Set<String> issued = new LinkedHashSet<>();
    private Duration accessTokenLifetime = Duration.ofHours(1);

    TokenLedger(Supplier<Instant> clock) {
        this.clock = clock;
    }

    synchronized void accessTokenLifetime(Duration lifetime) {
        accessTokenLifetime = lifetime;
    }

    synchronized String issueCode(String clientId, String redirectUri) {
        String code = OnshapeIds.secret(18);
        codes.put(code, new Code(clientId, redirectUri, clock.get().plus(CODE_LIFETIME)));
        return code;
    }

    /** Trades a code for tokens, once; empty when the code is unknown, used, expired or was issued otherwise. */
    synchronized Optional<Grant> redeem(String code, String clientId, String redirectUri) {
        Code issuedCode = codes.get(code);
        if (issuedCode == null || !issuedCode.clientId().equals(clientId)
                || !issuedCode.redirectUri().equals(redirectUri)) {
            return Optional.empty();
        }
        codes.remove(code);
        if (!clock.get().isBefore(issuedCode.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(grant(clientId));
    }

    /** New tokens for a live refresh token, which stops working. */
    synchronized Optional<Grant> refresh(String refreshToken, String clientId) {
        if (!clientId.equals(refreshTokens.get(refreshToken))) {
            return Optional.empty();
        }
        refreshTokens.remove(refreshToken);
        return Optional.of(grant(clientId));
    }

    synchronized Grant grant(String clientId) {
        String access = OnshapeIds.secret(30);
        String refresh = OnshapeIds.secret(30);
        accessTokens.put(access, clock.get().plus(accessTokenLifetime));
        refreshTokens.put(refresh, clientId);
        issued.add(access);
        issued.add(refresh);
        return new Grant(access, refresh, accessTokenLifetime.toSeconds());
    }

    synchronized boolean accepts(String accessToken) {
        Instant expiresAt = accessTokens.get(accessToken);
        return expiresAt != null && clock.get().isBefore(expiresAt);
    }

    /** Every access token stops working now, as after a revocation. */
    synchronized void expireAccessTokens() {
        accessTokens.replaceAll((token, expiry) -> Instant.MIN);
    }

    /**
     * The person revoked the application at Onshape: every token issued so far stops working, access tokens (401)
     * and refresh tokens (invalid_grant) alike. Tokens from a new authorization work again.
     */
    synchronized void revokeGrants() {
        accessTokens.clear();
        refreshTokens.clear();
    }

    synchronized Set<String> issued() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(issued));
    }
}
