package org.vitrine.api.net;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The reverse proxies whose forwarding headers ({@code Forwarded}, {@code X-Forwarded-For},
 * {@code X-Forwarded-Proto}) are believed: the setting {@code trusted.proxies}. Empty (the default) trusts
 * nobody, so the socket's peer is always the client.
 *
 * @param ranges the trusted addresses and blocks
 */
public record TrustedProxies(List<AddressRange> ranges) {

    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    public TrustedProxies {
        ranges = List.copyOf(ranges);
    }

    /**
     * Parses a list of addresses and CIDR blocks separated by commas or spaces; an empty or blank text is
     * {@link #NONE}.
     *
     * @throws IllegalArgumentException naming the first malformed entry
     */
    public static TrustedProxies parse(String text) {
        List<AddressRange> ranges = new ArrayList<>();
        if (text != null) {
            for (String entry : text.split("[,\\s]+")) {
                if (!entry.isEmpty()) {
                    ranges.add(AddressRange.parse(entry));
                }
            }
        }
        return new TrustedProxies(ranges);
    }

    public boolean trusts(InetAddress address) {
        return ranges.stream().anyMatch(r -> r.contains(address));
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** The list in the form {@link #parse} reads. */
    @Override
    public String toString() {
        return String.join(",", ranges.stream().map(AddressRange::toString).toList());
    }
}
