package io.switchboard.sip.sdp;

/** SDP bodies shaped like what carriers really send (addresses from their published ranges). */
final class CarrierSdp {
  private CarrierSdp() {}

  /** Twilio Elastic SIP Trunking origination: PCMU first, then PCMA, RFC 4733 events. */
  static final String TWILIO_OFFER = """
      v=0\r
      o=root 1548629939 1548629939 IN IP4 54.172.60.1\r
      s=Twilio Media Gateway\r
      c=IN IP4 168.86.138.35\r
      t=0 0\r
      m=audio 14572 RTP/AVP 0 8 101\r
      a=rtpmap:0 PCMU/8000\r
      a=rtpmap:8 PCMA/8000\r
      a=rtpmap:101 telephone-event/8000\r
      a=fmtp:101 0-16\r
      a=ptime:20\r
      a=maxptime:150\r
      a=sendrecv\r
      """;

  /** Telnyx with HD voice: G.722 first, G.729 it may offer, events on 101. LF line ends. */
  static final String TELNYX_OFFER = """
      v=0
      o=- 1689954367 1689954368 IN IP4 192.76.120.10
      s=Telnyx
      c=IN IP4 185.246.41.140
      t=0 0
      m=audio 30512 RTP/AVP 9 0 8 18 101
      a=rtpmap:9 G722/8000
      a=rtpmap:0 PCMU/8000
      a=rtpmap:8 PCMA/8000
      a=rtpmap:18 G729/8000
      a=fmtp:18 annexb=no
      a=rtpmap:101 telephone-event/8000
      a=fmtp:101 0-15
      a=ptime:20
      a=sendrecv
      """;

  /** A PBX putting us on hold with a re-offer: sendonly, version bumped. */
  static final String HOLD_REOFFER = """
      v=0\r
      o=asterisk 1700000000 1700000001 IN IP4 198.51.100.7\r
      s=Asterisk\r
      c=IN IP4 198.51.100.7\r
      t=0 0\r
      m=audio 18000 RTP/AVP 0 101\r
      a=rtpmap:0 PCMU/8000\r
      a=rtpmap:101 telephone-event/8000\r
      a=fmtp:101 0-16\r
      a=ptime:20\r
      a=sendonly\r
      """;

  /** An old-style (RFC 2543) hold: connection address 0.0.0.0, no direction attribute. */
  static final String OLD_STYLE_HOLD = """
      v=0\r
      o=pbx 2890844526 2890842808 IN IP4 198.51.100.7\r
      s=-\r
      c=IN IP4 0.0.0.0\r
      t=0 0\r
      m=audio 18000 RTP/AVP 8 0\r
      """;

  /** A softphone offering video too, with session-level direction and media-level c=. */
  static final String AUDIO_VIDEO_OFFER = """
      v=0\r
      o=alice 2890844526 2890844526 IN IP4 host.atlanta.example.com\r
      s=\r
      c=IN IP4 192.0.2.10\r
      t=0 0\r
      a=recvonly\r
      m=video 51372 RTP/AVP 31 34\r
      a=rtpmap:31 H261/90000\r
      m=audio 49170 RTP/AVP 97 8\r
      c=IN IP4 192.0.2.11\r
      a=rtpmap:97 iLBC/8000\r
      a=rtpmap:8 PCMA/8000\r
      """;
}
