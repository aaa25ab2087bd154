package org.vitrine.core.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class IpAnonymiserTest {

    @Test
    void an_ipv4_address_keeps_its_24_bit_network() {
        assertEquals("203.0.113.0", IpAnonymiser.anonymise("203.0.113.77"));
        assertEquals("127.0.0.0", IpAnonymiser.anonymise("127.0.0.1"));
        assertEquals("10.255.255.0", IpAnonymiser.anonymise(" 10.255.255.255 "));
    }

    @Test
    void an_anonymised_address_stays_as_it_is() {
        assertEquals("203.0.113.0", IpAnonymiser.anonymise(IpAnonymiser.anonymise("203.0.113.77")));
        assertEquals("2001:db8:abcd::", IpAnonymiser.anonymise(IpAnonymiser.anonymise("2001:db8:abcd:12::1")));
    }

    @Test
    void an_ipv6_address_keeps_its_48_bit_network() {
        assertEquals("2001:db8:abcd::", IpAnonymiser.anonymise("2001:db8:abcd:12::1"));
        assertEquals("2001:db8:abcd::", IpAnonymiser.anonymise("2001:0DB8:ABCD:0012:0000:0000:0000:0001"));
        assertEquals("fe80:0:0::", IpAnonymiser.anonymise("fe80::1%eth0"));
        assertEquals("0:0:0::", IpAnonymiser.anonymise("::1"));
        assertEquals("2001:db8:1::", IpAnonymiser.anonymise("[2001:db8:1:2:3:4:5:6]"));
    }

    @Test
    void an_ipv4_address_inside_ipv6_is_shortened_as_ipv4() {
        assertEquals("198.51.100.0", IpAnonymiser.anonymise("::ffff:198.51.100.23"));
    }

    @Test
    void what_is_not_an_address_is_dropped_without_asking_dns() {
        assertNull(IpAnonymiser.anonymise(null));
        assertNull(IpAnonymiser.anonymise("unknown"));
        assertNull(IpAnonymiser.anonymise("example.org"));
        assertNull(IpAnonymiser.anonymise("256.1.1.1"));
        assertNull(IpAnonymiser.anonymise("1.2.3"));
        assertNull(IpAnonymiser.anonymise("2001:db8::g"));
        assertNull(IpAnonymiser.anonymise("1:2:3:4:5:6:7:8:9"));
        assertNull(IpAnonymiser.anonymise(""));
    }
}
