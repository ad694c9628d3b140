package io.switchboard.trunk.match;

import java.net.InetAddress;
import java.util.List;

/**
 * A trunk's {@code allowed_addresses} as parsed masks. No masks means any source is allowed.
 * Entries that are not an IP, CIDR or hostname are skipped, as LiveKit skips them; write-time
 * validation keeps them out of the store.
 */
public record AddressFilter(List<AddressMask> masks) {

    public AddressFilter {
        masks = List.copyOf(masks);
    }

    public static AddressFilter of(List<String> allowedAddresses) {
        return new AddressFilter(allowedAddresses.stream()
                .flatMap(a -> AddressMask.parse(a).stream())
                .toList());
    }

    public boolean allowsAny() {
        return masks.isEmpty();
    }

    public boolean allows(InetAddress source, String callerHost) {
        if (masks.isEmpty()) {
            return true;
        }
        for (AddressMask mask : masks) {
            if (mask.matches(source, callerHost)) {
                return true;
            }
        }
        return false;
    }

    /** True if some call could pass both filters. */
    public boolean overlaps(AddressFilter other) {
        if (allowsAny() || other.allowsAny()) {
            return true;
        }
        for (AddressMask a : masks) {
            for (AddressMask b : other.masks) {
                if (a.overlaps(b)) {
                    return true;
                }
            }
        }
        return false;
    }
}
