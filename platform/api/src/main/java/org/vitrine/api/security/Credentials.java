package org.vitrine.api.security;

import java.util.Map;
import java.util.Optional;

/**
 * What a request presents, free of any HTTP library type so that resolvers stay testable.
 *
 * @param authorization the raw {@code Authorization} header, or {@code null}
 * @param cookies       cookie names to values
 * @param remoteAddress the client's address as seen by the server
 */
public record Credentials(String authorization, Map<String, String> cookies, String remoteAddress) {
    public Credentials {
        cookies = cookies == null ? Map.of() : Map.copyOf(cookies);
    }

    /** The token of a {@code Bearer} authorization, if that is what was sent. */
    public Optional<String> bearerToken() {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = authorization.substring(7).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
