package io.switchboard.trunk.match;

import io.switchboard.trunk.model.DispatchRule;
import java.util.List;

/** Which dispatch rule routes a call. */
public sealed interface RuleSelection {

    /** The best rule for the call. */
    record Selected(DispatchRule rule) implements RuleSelection {
    }

    /** No rule accepts the call (with the PIN entered, if any). */
    record NoRule() implements RuleSelection {
    }

    /** The best rule claims the same trunk, numbers and PIN as others; the configuration is ambiguous. */
    record Conflict(List<DispatchRule> rules) implements RuleSelection {
        public Conflict {
            rules = List.copyOf(rules);
        }
    }
}
