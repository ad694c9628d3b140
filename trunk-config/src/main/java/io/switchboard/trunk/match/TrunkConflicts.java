package io.switchboard.trunk.match;

import io.switchboard.trunk.model.InboundTrunk;
import io.switchboard.trunk.model.Violation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses an inbound trunk that would make some call match two trunks equally well, as
 * LiveKit's {@code ValidateTrunks}: two trunks conflict when they claim the same called number
 * (or are both wildcards) for the same caller (or both admit any caller). Numbers are compared
 * normalised, so {@code +15105550100} and {@code 15105550100} collide.
 *
 * <p>One refinement over LiveKit: the two trunks must also admit a common source, i.e. their
 * {@code allowed_addresses} overlap (no addresses overlaps everything; CIDR blocks are
 * intersected; a hostname overlaps any block). Trunks for the same number from two carriers'
 * disjoint address ranges can never both match a call, so they are allowed.
 */
public final class TrunkConflicts {
    private TrunkConflicts() {
    }

    /** A conflict for every stored trunk (other than the candidate itself) that it collides with. */
    public static List<Violation> find(InboundTrunk candidate, Collection<InboundTrunk> stored) {
        Set<String> called = NumberKeys.of(candidate.numbers());
        Set<String> callers = NumberKeys.of(candidate.allowedNumbers());
        AddressFilter sources = AddressFilter.of(candidate.allowedAddresses());
        List<Violation> out = new ArrayList<>();
        for (InboundTrunk other : stored) {
            if (!candidate.id().isEmpty() && candidate.id().equals(other.id())) {
                continue;
            }
            Optional<String> number = NumberKeys.firstShared(called, NumberKeys.of(other.numbers()));
            Optional<String> caller = NumberKeys.firstShared(callers, NumberKeys.of(other.allowedNumbers()));
            if (number.isEmpty() || caller.isEmpty() || !sources.overlaps(AddressFilter.of(other.allowedAddresses()))) {
                continue;
            }
            String what = number.get().equals(NumberKeys.ANY)
                    ? "trunk " + other.id() + describeName(other.name()) + " already serves every called number"
                    : "number " + number.get() + " is already served by trunk " + other.id() + describeName(other.name());
            out.add(new Violation.Conflict(
                    "numbers",
                    other.id(),
                    what + " for " + NumberKeys.describe(caller.get(), "any caller")
                            + (caller.get().equals(NumberKeys.ANY) ? "" : " (allowed_numbers)")
                            + " from overlapping allowed_addresses; calls would match both trunks"));
        }
        return out;
    }

    static String describeName(String name) {
        return name.isEmpty() ? "" : " (\"" + name + "\")";
    }
}
