package io.switchboard.trunk.match;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The normalised numbers of a list field, with {@link #ANY} standing for an empty list.
 * The wildcard is a key of its own: it collides only with another wildcard, because a
 * specific entry always beats it at match time.
 */
final class NumberKeys {
    static final String ANY = "";

    private NumberKeys() {
    }

    static Set<String> of(List<String> numbers) {
        Set<String> keys = new LinkedHashSet<>();
        if (numbers.isEmpty()) {
            keys.add(ANY);
        }
        for (String n : numbers) {
            keys.add(PhoneNumbers.normalize(n));
        }
        return keys;
    }

    static Optional<String> firstShared(Set<String> a, Set<String> b) {
        return a.stream().filter(b::contains).findFirst();
    }

    static String describe(String key, String wildcard) {
        return key.equals(ANY) ? wildcard : key;
    }
}
