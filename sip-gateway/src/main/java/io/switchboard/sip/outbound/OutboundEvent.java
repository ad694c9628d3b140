package io.switchboard.sip.outbound;

import io.switchboard.sip.transport.SipEvent;

/** What drives an outbound call; all of them run on the call's serial executor. */
sealed interface OutboundEvent {
  record Sip(SipEvent event) implements OutboundEvent {}

  /** Hang up from our side: CANCEL before the answer, BYE after. */
  record Hangup(OutboundEnd.Reason reason) implements OutboundEvent {}

  record RingingTimeout() implements OutboundEvent {}

  /** No final response came within 64*T1 of our CANCEL (RFC 3261 §9.1): give up on it. */
  record CancelTimeout() implements OutboundEvent {}

  record MaxDuration() implements OutboundEvent {}
}
