package org.vitrine.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vitrine.api.security.Credentials;
import org.vitrine.api.security.Role;

class AdminTokenResolverTest {

    private static Credentials bearer(String header) {
        return new Credentials(header, Map.of(), "127.0.0.1");
    }

    @Test
    void the_configured_token_makes_an_admin() {
        var resolver = new AdminTokenResolver("s3cret-token-of-sufficient-length");
        var caller = resolver.resolve(bearer("Bearer s3cret-token-of-sufficient-length"));
        assertTrue(caller.orElseThrow().has(Role.ADMIN));
        assertEquals("ops-token", caller.get().name());
    }

    @Test
    void a_wrong_or_missing_token_is_nobody() {
        var resolver = new AdminTokenResolver("s3cret-token-of-sufficient-length");
        assertFalse(resolver.resolve(bearer("Bearer s3cret-token-of-sufficient-lengtX")).isPresent());
        assertFalse(resolver.resolve(bearer("Basic s3cret-token-of-sufficient-length")).isPresent());
        assertFalse(resolver.resolve(bearer(null)).isPresent());
        assertFalse(resolver.resolve(bearer("Bearer ")).isPresent());
    }

    @Test
    void with_no_token_configured_nobody_is_admin() {
        var resolver = new AdminTokenResolver("  ");
        assertFalse(resolver.resolve(bearer("Bearer ")).isPresent());
        assertFalse(resolver.resolve(bearer("Bearer null")).isPresent());
    }
}
