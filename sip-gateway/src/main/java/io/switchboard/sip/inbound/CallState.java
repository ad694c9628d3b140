package io.switchboard.sip.inbound;

/** Where an inbound call is in its life. */
sealed interface CallState {
  /** 100 sent; waiting for the handler's authorization. */
  record Authorizing() implements CallState {}

  /** Authorized (and authenticated); waiting for the handler's dispatch decision. */
  record Dispatching() implements CallState {}

  /** 180 sent, media open; waiting until someone is ready to answer. */
  record Ringing() implements CallState {}

  /** 200 OK sent; waiting for the ACK (which carries the answer on a late offer). */
  record AwaitingAck() implements CallState {}

  /** Confirmed dialog with media. */
  record Active() implements CallState {}

  /** We sent BYE and told the listener; waiting for the BYE's response to forget the call. */
  record Ending(CallEnd end) implements CallState {}

  /** Over and forgotten. */
  record Ended(CallEnd end) implements CallState {}
}
