package org.vitrine.web.internal;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.vitrine.api.net.IpAddresses;
import org.vitrine.api.net.TrustedProxies;

/**
 * Who really sent a request that arrived through reverse proxies. Only a trusted proxy's word counts: when the
 * socket's peer is not in {@code trusted.proxies}, every forwarding header is ignored. Otherwise the hops the
 * proxies recorded are walked from the right (the newest, written by the proxy we trust) to the left, and the first
 * address that is not itself a trusted proxy is the client. Whatever lies further left was written by that client
 * and may be invented, so a visitor cannot choose the address it is counted under. A hop that is not an IP address
 * ({@code unknown}, an obfuscated name, garbage) ends the walk at the proxy that forwarded it.
 */
final class ForwardedClient {

    /** The kind of headers the proxies write; the other kind is ignored, as a client may have sent it. */
    enum Headers {
        /** {@code X-Forwarded-For} and {@code X-Forwarded-Proto} (nginx, HAProxy, most load balancers). */
        X_FORWARDED,
        /** {@code Forwarded} (RFC 7239). */
        FORWARDED;

        /** Reads the setting {@code trusted.proxies.headers} ({@code x-forwarded} or {@code forwarded}). */
        static Headers of(String setting) {
            return "forwarded".equalsIgnoreCase(setting) ? FORWARDED : X_FORWARDED;
        }

        /** The value of the setting that selects this kind. */
        String setting() {
            return this == FORWARDED ? "forwarded" : "x-forwarded";
        }
    }

    /**
     * @param address the client's address
     * @param scheme  the scheme the client used ({@code http} or {@code https})
     */
    record Origin(InetAddress address, String scheme) {
    }

    /** One hop a proxy recorded: the address it was contacted from (empty if unusable), and over which scheme. */
    private record Hop(Optional<InetAddress> address, String proto) {
    }

    private ForwardedClient() {
    }

    /**
     * @param peer    the socket's peer
     * @param scheme  the scheme of the connection to this server
     * @param headers every value of a request header, by name (several lines of one header in order)
     */
    static Origin resolve(InetAddress peer, String scheme, Function<String, List<String>> headers, TrustedProxies trusted,
                          Headers kind) {
        Origin origin = new Origin(peer, scheme);
        if (!trusted.trusts(peer)) {
            return origin;
        }
        List<Hop> hops = kind == Headers.FORWARDED ? forwarded(headers.apply("Forwarded"))
                : xForwarded(headers.apply("X-Forwarded-For"), headers.apply("X-Forwarded-Proto"));
        for (int i = hops.size() - 1; i >= 0 && trusted.trusts(origin.address()); i--) {
            Hop hop = hops.get(i);
            if (hop.address().isEmpty()) {
                break;
            }
            origin = new Origin(hop.address().get(), hop.proto() != null ? hop.proto() : origin.scheme());
        }
        return origin;
    }

    /**
     * X-Forwarded-For lists the hops left to right; X-Forwarded-Proto is matched to them from the right (a proxy
     * that sets one value for the whole chain gives it to the newest hop).
     */
    private static List<Hop> xForwarded(List<String> forValues, List<String> protoValues) {
        List<String> fors = items(forValues);
        List<String> protos = items(protoValues);
        List<Hop> hops = new ArrayList<>();
        int offset = fors.size() - protos.size();
        for (int i = 0; i < fors.size(); i++) {
            hops.add(new Hop(node(fors.get(i)), i - offset >= 0 ? scheme(protos.get(i - offset)) : null));
        }
        return hops;
    }

    /** RFC 7239: elements separated by commas, each a list of {@code name=value} pairs separated by semicolons. */
    private static List<Hop> forwarded(List<String> values) {
        List<Hop> hops = new ArrayList<>();
        for (String element : split(String.join(",", values), ',')) {
            Optional<InetAddress> address = Optional.empty();
            String proto = null;
            for (String pair : split(element, ';')) {
                int eq = pair.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String name = pair.substring(0, eq).strip().toLowerCase(Locale.ROOT);
                String value = unquote(pair.substring(eq + 1).strip());
                if (name.equals("for")) {
                    address = node(value);
                } else if (name.equals("proto")) {
                    proto = scheme(value);
                }
            }
            hops.add(new Hop(address, proto));
        }
        return hops;
    }

    /** An address with an optional port: {@code 192.0.2.1}, {@code 192.0.2.1:4711}, {@code [2001:db8::1]:4711}. */
    private static Optional<InetAddress> node(String value) {
        String v = value.strip();
        if (v.startsWith("[")) {
            int close = v.indexOf(']');
            return close < 0 ? Optional.empty() : IpAddresses.parse(v.substring(1, close));
        }
        if (v.indexOf(':') >= 0 && v.indexOf(':') == v.lastIndexOf(':')) {
            v = v.substring(0, v.indexOf(':'));
        }
        return IpAddresses.parse(v);
    }

    private static String scheme(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        return v.equals("http") || v.equals("https") ? v : null;
    }

    private static List<String> items(List<String> values) {
        List<String> items = new ArrayList<>();
        for (String value : values) {
            for (String item : value.split(",")) {
                items.add(item.strip());
            }
        }
        return items;
    }

    /** Splits at {@code separator} outside double quotes, trimming each part. */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\' && quoted && i + 1 < text.length()) {
                current.append(c);
                c = text.charAt(++i);
            } else if (c == separator && !quoted) {
                parts.add(current.toString().strip());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        if (!text.isBlank()) {
            parts.add(current.toString().strip());
        }
        return parts;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1).replaceAll("\\\\(.)", "$1");
        }
        return value;
    }
}
