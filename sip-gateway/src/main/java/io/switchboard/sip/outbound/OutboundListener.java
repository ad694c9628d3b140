package io.switchboard.sip.outbound;

import io.switchboard.media.dtmf.DtmfDigit;
import io.switchboard.sip.sdp.NegotiatedAudio;
import io.switchboard.sip.transport.SipHeaders;

/** What an outbound call reports, on the call's executor, in this order: ringing, answered, ended. */
public interface OutboundListener {
  /** The first 180 or 183 arrived. */
  void onRinging(int status);

  /** A 1xx carried SDP: the far end's audio (ringback, announcements) flows before the answer. */
  void onEarlyMedia(NegotiatedAudio audio);

  /** 2xx, ACKed; media flows both ways. @param headers the 2xx's headers */
  void onAnswered(NegotiatedAudio audio, SipHeaders headers);

  /** The callee keyed {@code digit} in a SIP INFO (RFC 4733 digits come from the RTP leg). */
  void onDtmf(DtmfDigit digit);

  /** Called once, last. */
  void onEnded(OutboundEnd end);
}
