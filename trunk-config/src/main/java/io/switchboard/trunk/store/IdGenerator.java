package io.switchboard.trunk.store;

import java.util.Objects;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/** LiveKit-shaped ids: a prefix such as {@code ST_} plus 12 random alphanumerics. */
final class IdGenerator {
    static final String TRUNK_PREFIX = "ST_";
    static final String RULE_PREFIX = "SDR_";
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int LENGTH = 12;

    private final RandomGenerator random;

    IdGenerator(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A fresh id; {@code taken} guards against the (astronomically unlikely) repeat. */
    String next(String prefix, Predicate<String> taken) {
        while (true) {
            StringBuilder id = new StringBuilder(prefix.length() + LENGTH).append(prefix);
            for (int i = 0; i < LENGTH; i++) {
                id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String candidate = id.toString();
            if (!taken.test(candidate)) {
                return candidate;
            }
        }
    }
}
