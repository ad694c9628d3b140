/**
 * Trunks and dispatch rules as immutable records, shaped like LiveKit's {@code livekit_sip.proto}
 * messages ({@code SIPInboundTrunkInfo}, {@code SIPOutboundTrunkInfo}, {@code SIPDispatchRuleInfo})
 * and their partial updates ({@code ListUpdate}, {@code *Update}). Collections are never null.
 */
package io.switchboard.trunk.model;
