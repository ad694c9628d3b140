package io.switchboard.trunk.match;

import io.switchboard.trunk.model.InboundTrunk;
import java.util.List;
import java.util.Optional;

/** Which inbound trunk an INVITE belongs to. */
public sealed interface TrunkMatch {

    /** True if at least one inbound trunk is configured at all, matching or not. */
    boolean anyTrunkDefined();

    /** The matched trunk, if exactly one matched. */
    default Optional<InboundTrunk> matchedTrunk() {
        return this instanceof Matched(InboundTrunk t) ? Optional.of(t) : Optional.empty();
    }

    /** Exactly one trunk is the best match. */
    record Matched(InboundTrunk trunk) implements TrunkMatch {
        @Override
        public boolean anyTrunkDefined() {
            return true;
        }

        /** True if the trunk serves every called number (has no {@code numbers}). */
        public boolean wildcard() {
            return trunk.numbers().isEmpty();
        }
    }

    /** No trunk admits the call. */
    record NoTrunk(boolean anyTrunkDefined) implements TrunkMatch {
    }

    /** Several trunks admit the call equally well; the configuration is ambiguous. */
    record Conflict(List<InboundTrunk> trunks) implements TrunkMatch {
        public Conflict {
            trunks = List.copyOf(trunks);
        }

        @Override
        public boolean anyTrunkDefined() {
            return true;
        }
    }
}
