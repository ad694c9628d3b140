package io.switchboard.sip.outbound;

import io.switchboard.sip.transport.ClientTransactionHandle;
import io.switchboard.sip.transport.DialogHandle;

/** Where an outbound call is (RFC 3261 §13.2, §9.1, §15). */
sealed interface OutboundState {
  /** INVITE sent; {@code provisional} once any 1xx (even 100) arrived, which allows CANCEL. */
  record Inviting(ClientTransactionHandle invite, boolean provisional) implements OutboundState {}

  /** 180 or 183 arrived: the callee is being alerted. */
  record Ringing(ClientTransactionHandle invite) implements OutboundState {}

  /**
   * We want out before the answer. {@code sent} once our CANCEL went out; until a provisional
   * arrives it waits (§9.1). The INVITE then ends with 487, or a 2xx we ACK and BYE.
   */
  record Cancelling(ClientTransactionHandle invite, OutboundEnd end, boolean sent) implements OutboundState {}

  /** Answered and ACKed. */
  record Active(DialogHandle dialog) implements OutboundState {}

  /** Over; every later event is ignored. */
  record Ended(OutboundEnd end) implements OutboundState {}
}
