package io.switchboard.trunk.match;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * One entry of an inbound trunk's {@code allowed_addresses}: an IP, a CIDR block (IPv4 or
 * IPv6), or a hostname compared with the host of the caller's From URI, as LiveKit does.
 * Parsing never touches DNS.
 */
public sealed interface AddressMask {

    /** True if a call from {@code source} whose From host is {@code callerHost} is covered. */
    boolean matches(InetAddress source, String callerHost);

    /** True if some call could be covered by both masks. */
    boolean overlaps(AddressMask other);

    /** A block of addresses; a single IP is a block of full length. */
    record Cidr(byte[] network, int prefixLength) implements AddressMask {
        public Cidr {
            network = mask(network.clone(), prefixLength);
        }

        @Override
        public byte[] network() {
            return network.clone();
        }

        @Override
        public boolean matches(InetAddress source, String callerHost) {
            return contains(IpLiterals.canonicalBytes(source));
        }

        @Override
        public boolean overlaps(AddressMask other) {
            return switch (other) {
                case Cidr c -> c.network.length == network.length
                        && (prefixLength <= c.prefixLength ? contains(c.network) : c.contains(network));
                // A call has an address and a From host, so it can satisfy both.
                case Host h -> true;
            };
        }

        boolean contains(byte[] address) {
            return address.length == network.length && Arrays.equals(mask(address.clone(), prefixLength), network);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Cidr c && c.prefixLength == prefixLength && Arrays.equals(c.network, network);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(network) * 31 + prefixLength;
        }

        @Override
        public String toString() {
            return IpLiterals.format(network) + "/" + prefixLength;
        }

        private static byte[] mask(byte[] bytes, int prefixLength) {
            for (int bit = prefixLength; bit < bytes.length * 8; bit++) {
                bytes[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
            }
            return bytes;
        }
    }

    /** A hostname, compared case-insensitively with the From host of the call. */
    record Host(String name) implements AddressMask {
        public Host {
            name = name.toLowerCase(Locale.ROOT);
        }

        @Override
        public boolean matches(InetAddress source, String callerHost) {
            return name.equalsIgnoreCase(callerHost);
        }

        @Override
        public boolean overlaps(AddressMask other) {
            return switch (other) {
                case Host h -> h.name.equals(name);
                case Cidr c -> true;
            };
        }
    }

    /** The mask written in {@code text}, or empty if it is not an IP, CIDR or hostname. */
    static Optional<AddressMask> parse(String text) {
        String s = text.strip();
        int slash = s.indexOf('/');
        String addressPart = slash < 0 ? s : s.substring(0, slash);
        Optional<byte[]> ip = IpLiterals.parse(addressPart);
        if (ip.isEmpty()) {
            return slash < 0 && Hostnames.isValid(s) ? Optional.of(new Host(s)) : Optional.empty();
        }
        byte[] bytes = ip.get();
        int bits = bytes.length * 8;
        if (slash < 0) {
            return Optional.of(new Cidr(bytes, bits));
        }
        String lengthPart = s.substring(slash + 1);
        if (!lengthPart.matches("[0-9]{1,3}")) {
            return Optional.empty();
        }
        int prefix = Integer.parseInt(lengthPart);
        if (bytes.length == 4 && addressPart.contains(":")) {
            prefix -= 96; // ::ffff:a.b.c.d/n is the IPv4 block a.b.c.d/(n-96)
        }
        return prefix < 0 || prefix > bits ? Optional.empty() : Optional.of(new Cidr(bytes, prefix));
    }
}
