package io.switchboard.trunk.match;

/** What to do with an INVITE (or a PIN keyed in during one): the result of {@link CallRouter}. */
public sealed interface RoutingDecision permits Dispatch.Route, Dispatch.RequestPin, Dispatch.WrongPin, RoutingDecision.Rejected {

    /** Why a call is refused. */
    enum Reason {
        /** Several trunks match equally well. */
        TRUNK_CONFLICT,
        /** Several dispatch rules claim the call equally well. */
        RULE_CONFLICT,
        /** No dispatch rule accepts the call (LiveKit drops it as "flood"; say so instead). */
        NO_RULE
    }

    /**
     * Refuse the call.
     *
     * @param trunkMatch how trunk matching went; {@link TrunkMatch#anyTrunkDefined()} tells
     *                   "no trunk configured" from "none matched"
     */
    record Rejected(Reason reason, TrunkMatch trunkMatch, String message) implements RoutingDecision {
    }
}
