package org.vitrine.core.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UserAgentsTest {

    @Test
    void common_browsers_are_named_with_their_system() {
        assertEquals("Firefox on Linux", UserAgents.summary("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"));
        assertEquals("Chrome on Windows", UserAgents.summary(
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"));
        assertEquals("Edge on Windows", UserAgents.summary(
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0"));
        assertEquals("Safari on iOS", UserAgents.summary(
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"));
        assertEquals("Chrome on Android", UserAgents.summary(
                "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36"));
    }

    @Test
    void other_clients_are_named_by_their_first_product_and_nothing_is_long() {
        assertEquals("curl/8.5.0", UserAgents.summary("curl/8.5.0"));
        assertNull(UserAgents.summary(" "));
        assertEquals(UserAgents.MAX, UserAgents.summary("x".repeat(500)).length());
    }

    @Test
    void device_cookies_are_random_well_formed_and_only_their_hash_is_kept() {
        String one = DeviceCookie.newValue();
        assertTrue(DeviceCookie.valid(one));
        assertFalse(DeviceCookie.valid(one + "'"));
        assertFalse(DeviceCookie.valid(DeviceCookie.newValue().equals(one) ? "" : "short"));
        assertEquals(64, DeviceCookie.hash(one).length());
        assertFalse(DeviceCookie.hash(one).contains(one));
        assertTrue(DeviceCookie.header(one, true).contains("HttpOnly; SameSite=Lax; Secure"));
        assertFalse(DeviceCookie.header(one, false).contains("Secure"));
    }
}
