package io.switchboard.trunk.match;

import io.switchboard.trunk.model.DispatchRule;
import io.switchboard.trunk.model.Violation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses a dispatch rule that would route some call the same way as another rule, as LiveKit's
 * {@code DispatchRuleValidator}: two rules conflict when they share a (trunk, caller, called
 * number, PIN) combination. An empty list is a wildcard key of its own, so a rule for every
 * trunk only collides with another rule for every trunk; specific rules take priority.
 */
public final class RuleConflicts {
    private RuleConflicts() {
    }

    /** One combination a rule claims. */
    record Key(String trunkId, String caller, String called, String pin) {
    }

    /** A conflict for every stored rule (other than the candidate itself) that it collides with. */
    public static List<Violation> find(DispatchRule candidate, Collection<DispatchRule> stored) {
        Set<Key> keys = keys(candidate);
        List<Violation> out = new ArrayList<>();
        for (DispatchRule other : stored) {
            if (!candidate.id().isEmpty() && candidate.id().equals(other.id())) {
                continue;
            }
            Optional<Key> shared = firstShared(keys, other);
            shared.ifPresent(k -> out.add(new Violation.Conflict("trunk_ids", other.id(),
                    "dispatch rule " + other.id() + TrunkConflicts.describeName(other.name())
                            + " already routes calls on " + NumberKeys.describe(k.trunkId(), "any trunk")
                            + " from " + NumberKeys.describe(k.caller(), "any caller")
                            + " to " + NumberKeys.describe(k.called(), "any number")
                            + (k.pin().isEmpty() ? " without a PIN" : " with the same PIN"))));
        }
        return out;
    }

    /** True if the two rules share a combination. */
    static boolean collide(DispatchRule a, DispatchRule b) {
        return firstShared(keys(a), b).isPresent();
    }

    static Set<Key> keys(DispatchRule rule) {
        List<String> trunks = rule.trunkIds().isEmpty() ? List.of(NumberKeys.ANY) : rule.trunkIds();
        Set<Key> keys = new LinkedHashSet<>();
        for (String trunk : trunks) {
            for (String caller : NumberKeys.of(rule.inboundNumbers())) {
                for (String called : NumberKeys.of(rule.numbers())) {
                    keys.add(new Key(trunk, caller, called, rule.pin()));
                }
            }
        }
        return keys;
    }

    private static Optional<Key> firstShared(Set<Key> keys, DispatchRule other) {
        return keys(other).stream().filter(keys::contains).findFirst();
    }
}
