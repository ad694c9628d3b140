package io.switchboard.sip.inbound;

import io.switchboard.sip.sdp.NegotiatedAudio;

/** The RTP side of one call, owned by the media layer. */
public interface MediaSession {
  /**
   * The address peers send RTP to (the external one behind NAT); null or a wildcard means "the
   * SIP stack's advertised address".
   */
  String localAddress();

  /** Our RTP port (even, per RFC 3550 custom). */
  int localPort();

  /** Offer/answer settled or changed: codec, where to send, and whether to send/receive. */
  void update(NegotiatedAudio audio);

  /** Releases the port; called once when the call ends. */
  void close();
}
