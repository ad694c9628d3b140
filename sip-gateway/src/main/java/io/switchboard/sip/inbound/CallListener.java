package io.switchboard.sip.inbound;

import io.switchboard.sip.sdp.NegotiatedAudio;

/** What the room side hears about a joined call. Called on the call's own executor, one at a time. */
public interface CallListener {
  /** The caller acknowledged our 200 OK: the call is up with this audio. */
  default void onAnswered(NegotiatedAudio audio) {}

  /** A re-INVITE or UPDATE changed the audio (hold, resume, new address). */
  default void onMediaChanged(NegotiatedAudio audio) {}

  /** The caller keyed a digit in a SIP INFO (RFC 4733 digits come from the RTP leg). */
  default void onDtmf(io.switchboard.media.dtmf.DtmfDigit digit) {}

  /** The call is over; called exactly once. */
  void onEnded(CallEnd end);
}
