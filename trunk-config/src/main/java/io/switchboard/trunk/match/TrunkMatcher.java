package io.switchboard.trunk.match;

import io.switchboard.trunk.model.InboundTrunk;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the inbound trunk of an INVITE, as LiveKit's {@code MatchTrunkDetailed}: a trunk admits
 * a call if the caller is in {@code allowed_numbers}, the source is in {@code allowed_addresses}
 * and the called number is in {@code numbers} (each empty list admitting everything).
 *
 * <p>Among admitting trunks, one listing the called number beats a wildcard one, as in LiveKit.
 * Unlike LiveKit, one listing the caller in {@code allowed_numbers} also beats one that admits
 * every caller: LiveKit's own write-time check accepts that pair, then fails every such call as
 * "Multiple SIP Trunks matched". With this ranking, a set of trunks that passed
 * {@link TrunkConflicts} never yields {@link TrunkMatch.Conflict}.
 */
public final class TrunkMatcher {
    private TrunkMatcher() {
    }

    public static TrunkMatch match(Collection<InboundTrunk> trunks, InboundCall call) {
        List<InboundTrunk> best = new ArrayList<>();
        int bestRank = -1;
        for (InboundTrunk trunk : trunks) {
            if (!admits(trunk, call)) {
                continue;
            }
            int rank = rank(trunk);
            if (rank > bestRank) {
                best.clear();
                bestRank = rank;
            }
            if (rank == bestRank) {
                best.add(trunk);
            }
        }
        if (best.isEmpty()) {
            return new TrunkMatch.NoTrunk(!trunks.isEmpty());
        }
        if (best.size() == 1) {
            return new TrunkMatch.Matched(best.getFirst());
        }
        best.sort(Comparator.comparing(InboundTrunk::id));
        return new TrunkMatch.Conflict(best);
    }

    /** True if the trunk's number, caller and address filters all let the call in. */
    public static boolean admits(InboundTrunk trunk, InboundCall call) {
        return PhoneNumbers.allowedBy(call.callerNumber(), trunk.allowedNumbers())
                && AddressFilter.of(trunk.allowedAddresses()).allows(call.sourceAddress(), call.callerHost())
                && PhoneNumbers.allowedBy(call.calledNumber(), trunk.numbers());
    }

    private static int rank(InboundTrunk trunk) {
        return (trunk.numbers().isEmpty() ? 0 : 2) + (trunk.allowedNumbers().isEmpty() ? 0 : 1);
    }
}
