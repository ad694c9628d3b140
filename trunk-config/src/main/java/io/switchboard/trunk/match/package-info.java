/**
 * Pure decisions about inbound calls, with LiveKit SIP's semantics ({@code livekit/protocol sip/sip.go}):
 * which trunk an INVITE belongs to ({@link io.switchboard.trunk.match.TrunkMatcher}), which dispatch
 * rule routes it ({@link io.switchboard.trunk.match.DispatchRuleSelector}), what room and participant
 * result ({@link io.switchboard.trunk.match.DispatchEvaluator}), all three together
 * ({@link io.switchboard.trunk.match.CallRouter}), and the write-time validation and conflict checks
 * that keep stored configuration unambiguous.
 */
package io.switchboard.trunk.match;
