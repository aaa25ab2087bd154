package org.vitrine.core.retention;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Shortens a client address so that it no longer points at one person: an IPv4 address keeps its /24 network
 * ({@code 203.0.113.77} becomes {@code 203.0.113.0}), an IPv6 address its /48 ({@code 2001:db8:abcd:12::1} becomes
 * {@code 2001:db8:abcd::}); an IPv4 address inside IPv6 ({@code ::ffff:203.0.113.77}) is treated as IPv4.
 * Anything that is not an address (such as {@code unknown}) is dropped.
 */
public final class IpAnonymiser {

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

    private IpAnonymiser() {
    }

    /** The shortened address, or null when the value is not an IP address. */
    public static String anonymise(String ip) {
        if (ip == null) {
            return null;
        }
        String value = ip.strip();
        if (value.startsWith("[") && value.endsWith("]")) {
            value = value.substring(1, value.length() - 1);
        }
        int zone = value.indexOf('%');
        if (zone >= 0) {
            value = value.substring(0, zone);
        }
        if (IPV4.matcher(value).matches()) {
            return value.substring(0, value.lastIndexOf('.')) + ".0";
        }
        // a colon makes InetAddress parse a literal and never ask DNS
        if (!value.contains(":") || !IPV6_CHARS.matcher(value).matches()) {
            return null;
        }
        byte[] bytes;
        try {
            InetAddress address = InetAddress.getByName(value);
            if (address instanceof Inet4Address v4) {
                return anonymise(v4.getHostAddress());
            }
            bytes = address.getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
        return String.format("%x:%x:%x::", word(bytes, 0), word(bytes, 2), word(bytes, 4));
    }

    private static int word(byte[] bytes, int at) {
        return ((bytes[at] & 0xff) << 8) | (bytes[at + 1] & 0xff);
    }
}
