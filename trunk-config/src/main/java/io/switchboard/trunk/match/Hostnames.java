package io.switchboard.trunk.match;

import java.util.regex.Pattern;

/** DNS hostname syntax (RFC 1123 §2.1), without a trailing dot. */
final class Hostnames {
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    private Hostnames() {
    }

    static boolean isValid(String name) {
        if (name.isEmpty() || name.length() > 253) {
            return false;
        }
        String[] labels = name.split("\\.", -1);
        boolean hasLetter = false;
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
            hasLetter |= label.chars().anyMatch(Character::isLetter);
        }
        // All-numeric names would be mistaken IP addresses such as 10.0.0.256.
        return hasLetter;
    }
}
