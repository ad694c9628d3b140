package io.switchboard.sip.inbound;

import io.switchboard.sip.incall.SipCallControl;

/** What the room side can do to a call it joined. Thread-safe: actions are queued on the call. */
public interface CallControl extends SipCallControl {
  String callId();

  /** Ends the call: BYE once answered (after the ACK), 603 Decline while still ringing. */
  void hangup();
}
