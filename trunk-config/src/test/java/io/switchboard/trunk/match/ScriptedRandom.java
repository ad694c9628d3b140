package io.switchboard.trunk.match;

import java.util.random.RandomGenerator;

/** Returns 0, 1, 2, ... (modulo the bound) so room suffixes are predictable in tests. */
final class ScriptedRandom implements RandomGenerator {
    private int next;

    @Override
    public int nextInt(int bound) {
        return next++ % bound;
    }

    @Override
    public long nextLong() {
        return next++;
    }
}
