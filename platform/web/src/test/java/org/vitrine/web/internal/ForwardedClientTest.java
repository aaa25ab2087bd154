package org.vitrine.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vitrine.api.net.IpAddresses;
import org.vitrine.api.net.TrustedProxies;
import org.vitrine.web.internal.ForwardedClient.Headers;

class ForwardedClientTest {

    private static final TrustedProxies PROXIES = TrustedProxies.parse("10.0.0.0/8, 2001:db8:ffff::/48");
    private final Map<String, List<String>> headers = new HashMap<>();

    private ForwardedClientTest header(String name, String... values) {
        headers.put(name, List.of(values));
        return this;
    }

    private ForwardedClient.Origin from(String peer, Headers kind) {
        return ForwardedClient.resolve(ip(peer), "http", name -> headers.getOrDefault(name, List.of()), PROXIES, kind);
    }

    private static InetAddress ip(String literal) {
        return IpAddresses.parse(literal).orElseThrow();
    }

    @Test
    void headers_from_a_peer_that_is_not_a_trusted_proxy_are_ignored() {
        header("X-Forwarded-For", "203.0.113.7").header("X-Forwarded-Proto", "https").header("Forwarded", "for=203.0.113.7");
        assertEquals(new ForwardedClient.Origin(ip("192.0.2.50"), "http"), from("192.0.2.50", Headers.X_FORWARDED));
        assertEquals(new ForwardedClient.Origin(ip("192.0.2.50"), "http"), from("192.0.2.50", Headers.FORWARDED));
    }

    @Test
    void a_trusted_proxy_names_the_client_and_its_scheme() {
        header("X-Forwarded-For", "203.0.113.7").header("X-Forwarded-Proto", "https");
        assertEquals(new ForwardedClient.Origin(ip("203.0.113.7"), "https"), from("10.1.2.3", Headers.X_FORWARDED));
    }

    @Test
    void the_walk_goes_from_the_right_and_stops_at_the_first_address_that_is_not_a_trusted_proxy() {
        // the visitor wrote 6.6.6.6 itself; the edge proxy appended the visitor, the inner proxy the edge proxy
        header("X-Forwarded-For", "6.6.6.6, 203.0.113.7", "10.0.0.2");
        assertEquals(ip("203.0.113.7"), from("10.0.0.1", Headers.X_FORWARDED).address());
    }

    @Test
    void when_every_hop_is_a_trusted_proxy_the_leftmost_is_the_client() {
        header("X-Forwarded-For", "10.0.0.9, 10.0.0.2");
        assertEquals(ip("10.0.0.9"), from("10.0.0.1", Headers.X_FORWARDED).address());
    }

    @Test
    void a_hop_that_is_not_an_address_ends_the_walk_at_the_proxy_that_forwarded_it() {
        header("X-Forwarded-For", "203.0.113.7, unknown");
        assertEquals(ip("10.0.0.1"), from("10.0.0.1", Headers.X_FORWARDED).address());
        header("X-Forwarded-For", "proxy.example.org");
        assertEquals(ip("10.0.0.1"), from("10.0.0.1", Headers.X_FORWARDED).address());
    }

    @Test
    void without_forwarding_headers_the_proxy_is_the_client() {
        assertEquals(new ForwardedClient.Origin(ip("10.0.0.1"), "http"), from("10.0.0.1", Headers.X_FORWARDED));
    }

    @Test
    void ports_and_brackets_are_accepted_and_ipv6_proxies_are_walked_like_ipv4_ones() {
        header("X-Forwarded-For", "[2001:db8::7]:4711, 198.51.100.4:80");
        assertEquals(ip("198.51.100.4"), from("2001:db8:ffff::1", Headers.X_FORWARDED).address());
        header("X-Forwarded-For", "2001:db8::7");
        assertEquals(ip("2001:db8::7"), from("2001:db8:ffff::1", Headers.X_FORWARDED).address());
    }

    @Test
    void forwarded_elements_are_read_per_rfc_7239_with_their_own_proto() {
        header("Forwarded", "for=6.6.6.6;proto=http, for=\"[2001:db8::7]:4711\";proto=https;by=10.0.0.2", "For=10.0.0.5;host=example.org");
        assertEquals(new ForwardedClient.Origin(ip("2001:db8::7"), "https"), from("10.0.0.1", Headers.FORWARDED));
    }

    @Test
    void only_the_configured_kind_of_header_counts() {
        // a proxy that writes X-Forwarded-For passes a visitor's own Forwarded header through untouched
        header("Forwarded", "for=6.6.6.6").header("X-Forwarded-For", "203.0.113.7");
        assertEquals(ip("203.0.113.7"), from("10.0.0.1", Headers.X_FORWARDED).address());
        headers.clear();
        header("X-Forwarded-For", "6.6.6.6").header("Forwarded", "for=203.0.113.7");
        assertEquals(ip("203.0.113.7"), from("10.0.0.1", Headers.FORWARDED).address());
    }

    @Test
    void a_single_proto_belongs_to_the_newest_hop_and_anything_but_http_or_https_is_ignored() {
        header("X-Forwarded-For", "203.0.113.7, 10.0.0.2").header("X-Forwarded-Proto", "https");
        assertEquals(new ForwardedClient.Origin(ip("203.0.113.7"), "https"), from("10.0.0.1", Headers.X_FORWARDED));
        header("X-Forwarded-Proto", "gopher");
        assertEquals("http", from("10.0.0.1", Headers.X_FORWARDED).scheme());
    }
}
