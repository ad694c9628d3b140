package io.switchboard.sip.outbound;

import io.switchboard.sip.incall.SipCallControl;

/**
 * A placed call, for its owner: its Call-ID, and hang-up, transfer and INFO DTMF from any thread
 * (each queued on the call's executor).
 */
public interface OutboundCallHandle extends SipCallControl {
  @Override
  String callId();

  /** CANCEL before the answer, BYE after; nothing once over. Returns at once. */
  @Override
  void hangup();
}
