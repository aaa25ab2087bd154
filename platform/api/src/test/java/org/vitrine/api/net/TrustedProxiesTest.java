package org.vitrine.api.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    private static InetAddress ip(String literal) {
        return IpAddresses.parse(literal).orElseThrow();
    }

    @Test
    void an_empty_setting_trusts_nobody() {
        assertTrue(TrustedProxies.parse("").isEmpty());
        assertTrue(TrustedProxies.parse("  ").isEmpty());
        assertFalse(TrustedProxies.parse("").trusts(ip("127.0.0.1")));
    }

    @Test
    void single_addresses_and_blocks_of_both_families_are_trusted() {
        TrustedProxies trusted = TrustedProxies.parse("127.0.0.1, 10.0.0.0/8 fd00::/8,[::1]");
        assertTrue(trusted.trusts(ip("127.0.0.1")));
        assertFalse(trusted.trusts(ip("127.0.0.2")));
        assertTrue(trusted.trusts(ip("10.255.0.9")));
        assertFalse(trusted.trusts(ip("11.0.0.1")));
        assertTrue(trusted.trusts(ip("fd12:3456::1")));
        assertTrue(trusted.trusts(ip("::1")));
        assertFalse(trusted.trusts(ip("2001:db8::1")));
        assertEquals("127.0.0.1/32,10.0.0.0/8,fd00:0:0:0:0:0:0:0/8,0:0:0:0:0:0:0:1/128", trusted.toString());
    }

    @Test
    void an_ipv4_address_is_never_in_an_ipv6_block() {
        assertFalse(TrustedProxies.parse("::/0").trusts(ip("192.0.2.1")));
        assertTrue(TrustedProxies.parse("0.0.0.0/0").trusts(ip("192.0.2.1")));
    }

    @Test
    void malformed_entries_are_refused_with_the_entry_named() {
        for (String bad : new String[] {"proxy.example.org", "10.0.0.1/33", "10.0.0.0/x", "10.0.0.256", "10.0.0.1:80",
                "fe80::1%eth0", "2001:db8::/129", "unknown"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("127.0.0.1, " + bad));
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
    }

    @Test
    void a_block_with_host_bits_set_is_refused_as_a_likely_typo() {
        assertThrows(IllegalArgumentException.class, () -> AddressRange.parse("10.0.0.1/8"));
    }

    @Test
    void names_are_never_resolved() {
        assertTrue(IpAddresses.parse("localhost").isEmpty());
        assertTrue(IpAddresses.parse("example.org").isEmpty());
        assertTrue(IpAddresses.parse("abc:").isEmpty());
        assertEquals(ip("2001:db8::1"), IpAddresses.parse("[2001:db8::1]").orElseThrow());
    }
}
