package org.vitrine.api.net;

import java.net.InetAddress;
import java.util.Arrays;

/**
 * One address or a CIDR block ({@code 10.0.0.0/8}, {@code 2001:db8::/32}, {@code 127.0.0.1}).
 *
 * @param network the first address of the block (host bits cleared)
 * @param prefix  how many leading bits an address must share with {@code network}
 */
public record AddressRange(InetAddress network, int prefix) {

    public AddressRange {
        int bits = network.getAddress().length * 8;
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("prefix " + prefix + " is outside 0.." + bits);
        }
    }

    /**
     * Parses an address or {@code address/prefix}.
     *
     * @throws IllegalArgumentException naming what is wrong, for a setting's error message
     */
    public static AddressRange parse(String text) {
        String s = text.strip();
        int slash = s.indexOf('/');
        String address = slash < 0 ? s : s.substring(0, slash);
        InetAddress network = IpAddresses.parse(address).orElseThrow(() -> new IllegalArgumentException(
                "'" + text + "' is not an IP address or CIDR block (e.g. 10.0.0.5, 10.0.0.0/8 or 2001:db8::/32)"));
        int bits = network.getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String length = s.substring(slash + 1);
            if (!length.matches("\\d{1,3}") || Integer.parseInt(length) > bits) {
                throw new IllegalArgumentException("'" + text + "' has a prefix length that is not 0 to " + bits);
            }
            prefix = Integer.parseInt(length);
        }
        byte[] bytes = network.getAddress();
        if (!Arrays.equals(bytes, masked(bytes, prefix))) {
            throw new IllegalArgumentException("'" + text + "' has host bits set after the /" + prefix
                    + " prefix; did you mean a different block?");
        }
        return new AddressRange(network, prefix);
    }

    /** Whether {@code address} lies in this block; an IPv4 address never lies in an IPv6 block or the reverse. */
    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        return candidate.length == network.getAddress().length
                && Arrays.equals(masked(candidate, prefix), network.getAddress());
    }

    private static byte[] masked(byte[] bytes, int prefix) {
        byte[] out = bytes.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] = (byte) (out[i] & (0xff << (8 - keep)));
        }
        return out;
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefix;
    }
}
