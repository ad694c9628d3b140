package io.switchboard.sip.outbound;

/** A placed call, for its owner: its Call-ID and a way to hang it up from any thread. */
public interface OutboundCallHandle {
  String callId();

  /** CANCEL before the answer, BYE after; nothing once over. Returns at once. */
  void hangup();
}
