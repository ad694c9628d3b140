package io.switchboard.trunk.match;

import io.switchboard.trunk.model.DispatchRule;
import io.switchboard.trunk.model.InboundTrunk;
import io.switchboard.trunk.model.RoomRule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Picks the dispatch rule for a call, as LiveKit's {@code MatchDispatchRuleIter}.
 *
 * <ol>
 *   <li>A rule applies if its {@code inbound_numbers} admit the caller and its {@code numbers}
 *       the called number (empty admits all). Numbers are compared normalised; LiveKit compares
 *       them verbatim here although its write-time check normalises, so a Telnyx call to
 *       {@code 15105550100} would miss a rule for {@code +15105550100}.</li>
 *   <li>PIN: before any PIN is asked every rule applies; after a PIN only the rules with exactly
 *       that PIN; after {@code #} alone only open rules.</li>
 *   <li>Rules naming the call's trunk beat rules for every trunk. With no trunk matched only the
 *       latter apply.</li>
 *   <li>Within a group, {@link #priority} decides (lowest first), then room name, then id.</li>
 * </ol>
 */
public final class DispatchRuleSelector {
    private DispatchRuleSelector() {
    }

    /**
     * @param trunk the matched trunk, or null if none matched
     */
    public static RuleSelection select(InboundTrunk trunk, Collection<DispatchRule> rules, InboundCall call, PinEntry pin) {
        List<DispatchRule> specific = new ArrayList<>();
        List<DispatchRule> generic = new ArrayList<>();
        for (DispatchRule rule : rules) {
            if (rule.rule() == null || !admits(rule, call) || !pinAllows(rule, pin)) {
                continue;
            }
            if (rule.trunkIds().isEmpty()) {
                generic.add(rule);
            } else if (trunk != null && rule.trunkIds().contains(trunk.id())) {
                specific.add(rule);
            }
        }
        List<DispatchRule> group = specific.isEmpty() ? generic : specific;
        if (group.isEmpty()) {
            return new RuleSelection.NoRule();
        }
        group.sort(ORDER);
        DispatchRule best = group.getFirst();
        List<DispatchRule> clashing = new ArrayList<>(List.of(best));
        for (DispatchRule other : group.subList(1, group.size())) {
            if (RuleConflicts.collide(best, other)) {
                clashing.add(other);
            }
        }
        return clashing.size() == 1 ? new RuleSelection.Selected(best) : new RuleSelection.Conflict(clashing);
    }

    /**
     * LiveKit's {@code DispatchRulePriority}, lower first: PIN-protected before open
     * (direct 0, individual 1, callee 2; open ones 100, 101, 102), plus 1000 for each of
     * {@code inbound_numbers} and {@code numbers} left empty. A rule without a room rule is last.
     */
    public static int priority(DispatchRule rule) {
        if (rule.rule() == null) {
            return Integer.MAX_VALUE;
        }
        int base = switch (rule.rule()) {
            case RoomRule.Direct d -> 0;
            case RoomRule.Individual i -> 1;
            case RoomRule.Callee c -> 2;
        };
        int priority = rule.rule().hasPin() ? base : base + 100;
        if (rule.inboundNumbers().isEmpty()) {
            priority += 1000;
        }
        if (rule.numbers().isEmpty()) {
            priority += 1000;
        }
        return priority;
    }

    private static final Comparator<DispatchRule> ORDER = Comparator
            .comparingInt(DispatchRuleSelector::priority)
            .thenComparing(DispatchRuleSelector::roomNameOrPrefix)
            .thenComparing(DispatchRule::id);

    private static String roomNameOrPrefix(DispatchRule rule) {
        return switch (rule.rule()) {
            case RoomRule.Direct d -> d.roomName();
            case RoomRule.Individual i -> i.roomPrefix();
            case RoomRule.Callee c -> c.roomPrefix();
        };
    }

    private static boolean admits(DispatchRule rule, InboundCall call) {
        return PhoneNumbers.allowedBy(call.callerNumber(), rule.inboundNumbers())
                && PhoneNumbers.allowedBy(call.calledNumber(), rule.numbers());
    }

    private static boolean pinAllows(DispatchRule rule, PinEntry pin) {
        return switch (pin) {
            case PinEntry.NotAsked n -> true;
            case PinEntry.Entered(String digits) when digits.isEmpty() -> !rule.rule().hasPin();
            case PinEntry.Entered(String digits) -> rule.rule().hasPin() && rule.rule().pin().equals(digits);
        };
    }
}
