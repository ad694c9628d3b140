package io.switchboard.trunk.match;

import io.switchboard.trunk.model.DispatchRule;
import io.switchboard.trunk.model.InboundTrunk;
import java.util.Collection;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The whole inbound decision for one INVITE (or one PIN entry): trunk, then dispatch rule, then
 * room and participant. As in LiveKit, a call that matches no trunk may still be routed by a
 * rule for every trunk; {@link TrunkMatch#anyTrunkDefined()} lets the gateway be stricter.
 */
public final class CallRouter {
    private final DispatchEvaluator evaluator;

    public CallRouter(DispatchEvaluator evaluator) {
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
    }

    public RoutingDecision route(Collection<InboundTrunk> trunks, Collection<DispatchRule> rules,
                                 InboundCall call, PinEntry pin) {
        TrunkMatch trunkMatch = TrunkMatcher.match(trunks, call);
        if (trunkMatch instanceof TrunkMatch.Conflict(var clashing)) {
            return new RoutingDecision.Rejected(RoutingDecision.Reason.TRUNK_CONFLICT, trunkMatch,
                    "Multiple SIP Trunks matched for \"" + call.calledNumber() + "\": "
                            + ids(clashing.stream().map(InboundTrunk::id)));
        }
        InboundTrunk trunk = trunkMatch.matchedTrunk().orElse(null);
        return switch (DispatchRuleSelector.select(trunk, rules, call, pin)) {
            case RuleSelection.Selected(DispatchRule rule) -> (RoutingDecision) evaluator.evaluate(trunk, rule, call, pin);
            case RuleSelection.Conflict(var clashing) -> new RoutingDecision.Rejected(RoutingDecision.Reason.RULE_CONFLICT,
                    trunkMatch, "Multiple SIP Dispatch Rules matched for \"" + call.calledNumber() + "\": "
                            + ids(clashing.stream().map(DispatchRule::id)));
            case RuleSelection.NoRule n when pin instanceof PinEntry.Entered ->
                    new Dispatch.WrongPin(trunk == null ? "" : trunk.id(), "");
            case RuleSelection.NoRule n -> new RoutingDecision.Rejected(RoutingDecision.Reason.NO_RULE, trunkMatch,
                    trunk == null
                            ? "No SIP Trunk or Dispatch Rules matched for \"" + call.calledNumber() + "\""
                            : "No SIP Dispatch Rules matched for \"" + call.calledNumber() + "\" on trunk " + trunk.id());
        };
    }

    private static String ids(Stream<String> ids) {
        return ids.collect(Collectors.joining(", "));
    }
}
