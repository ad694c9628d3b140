package io.switchboard.trunk.match;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/** Strict IP literal parsing without DNS: dotted-quad IPv4 (no leading zeros) and IPv6 without zone. */
final class IpLiterals {
    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

    private IpLiterals() {
    }

    /** 4 or 16 address bytes; IPv4-mapped IPv6 becomes 4 bytes. Empty if not a literal. */
    static Optional<byte[]> parse(String text) {
        String s = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (IPV4.matcher(s).matches()) {
            return Optional.of(InetAddress.ofLiteral(s).getAddress());
        }
        if (s.indexOf(':') < 0 || !IPV6_CHARS.matcher(s).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.ofLiteral(s).getAddress());
        } catch (IllegalArgumentException notAnAddress) {
            return Optional.empty();
        }
    }

    static boolean isLiteral(String text) {
        return parse(text).isPresent();
    }

    /** The address bytes, with IPv4-mapped IPv6 (::ffff:a.b.c.d) reduced to IPv4. */
    static byte[] canonicalBytes(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address && isV4Mapped(b)) {
            return Arrays.copyOfRange(b, 12, 16);
        }
        return b;
    }

    static String format(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (java.net.UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static boolean isV4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    }
}
