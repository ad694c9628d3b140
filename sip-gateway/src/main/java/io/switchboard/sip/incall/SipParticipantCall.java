package io.switchboard.sip.incall;

import java.util.concurrent.CompletionStage;

/** A SIP call that is a participant of a room, whichever way it was placed. */
public interface SipParticipantCall {
  String roomName();

  String participantIdentity();

  /** Transfers the caller (with the dial tone when asked); see {@link SipCallControl#transfer}. */
  CompletionStage<TransferOutcome> transfer(TransferRequest request);

  /** Hangs up the phone; the participant leaves the room. */
  void hangup();
}
