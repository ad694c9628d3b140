package io.switchboard.trunk.match;

import java.util.Objects;

/** What the caller has keyed in so far, for PIN-protected dispatch rules. */
public sealed interface PinEntry {

    /** The caller has not been asked for a PIN yet (the first evaluation of an INVITE). */
    record NotAsked() implements PinEntry {
    }

    /**
     * The digits keyed in before {@code #}. Empty digits mean the caller pressed {@code #} alone,
     * which LiveKit treats as "I have no PIN": only open rules are considered then.
     */
    record Entered(String digits) implements PinEntry {
        public Entered {
            Objects.requireNonNull(digits, "digits");
        }
    }

    static PinEntry notAsked() {
        return new NotAsked();
    }

    static PinEntry entered(String digits) {
        return new Entered(digits);
    }
}
