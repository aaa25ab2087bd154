package org.vitrine.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class AnalyticsScriptTest {

    @Test
    void an_https_script_is_served_from_its_origin() {
        AnalyticsScript.Script script = AnalyticsScript.parse(" https://Stats.Example.org:8443/js/matomo.js ").orElseThrow();
        assertEquals("https://Stats.Example.org:8443/js/matomo.js", script.url());
        assertEquals("https://stats.example.org:8443", script.origin());
    }

    @Test
    void no_address_means_no_analytics() {
        assertTrue(AnalyticsScript.parse("").isEmpty());
        assertTrue(AnalyticsScript.parse(null).isEmpty());
    }

    @Test
    void plain_http_is_accepted_for_localhost_only() {
        assertEquals("http://localhost:9000", AnalyticsScript.parse("http://localhost:9000/a.js").orElseThrow().origin());
        assertThrows(IllegalArgumentException.class, () -> AnalyticsScript.parse("http://stats.example.org/a.js"));
    }

    @Test
    void relative_scriptless_or_credential_carrying_addresses_are_refused() {
        for (String bad : new String[] {"/a.js", "javascript:alert(1)", "data:text/javascript,alert(1)", "https://u:p@x.org/a.js",
                "https://x.org/a b.js", "https://\"x.org/a.js"}) {
            assertThrows(IllegalArgumentException.class, () -> AnalyticsScript.parse(bad), bad);
        }
    }

    @Test
    void the_content_security_policy_allows_the_script_origin_only_when_one_is_configured() {
        assertEquals(SecurityHeaders.CONTENT_SECURITY_POLICY, SecurityHeaders.contentSecurityPolicy(Optional.empty()));
        String csp = SecurityHeaders.contentSecurityPolicy(AnalyticsScript.parse("https://stats.example.org/m.js"));
        assertTrue(csp.startsWith(SecurityHeaders.CONTENT_SECURITY_POLICY), csp);
        assertTrue(csp.contains("; script-src 'self' https://stats.example.org;"), csp);
        assertTrue(csp.endsWith("; connect-src 'self' https://stats.example.org"), csp);
    }
}
