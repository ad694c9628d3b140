package io.switchboard.sfu.webrtc;

import io.switchboard.sfu.transport.TransportDescription;

/**
 * The video parts of our SDP. A publisher's video section is answered with the one codec we
 * chose from it and no simulcast: without {@code a=simulcast} and {@code a=rid} in the answer
 * the client sends a single encoding (RFC 8853 §5.3). Feedback: NACK, PLI, FIR, and REMB towards
 * publishers (we send REMB rather than transport-cc feedback).
 */
final class VideoSections {
  /** Bitrate (kbit/s) a browser starts encoding at; its default (300) starts video blurred and small. */
  static final int START_BITRATE_KBPS = 1000;

  private VideoSections() {}

  /** Our answer to one publisher video section, receiving {@code offered}. */
  static void answer(SdpWriter w, Sdp.Media m, VideoCodec.Offered offered, TransportDescription local,
      boolean withCandidates, String direction) {
    w.line("m=video 9 " + m.proto() + " " + offered.payloadType());
    w.transport(local, withCandidates);
    w.line("a=mid:" + m.mid());
    w.line("a=" + direction);
    w.line("a=rtcp-mux");
    if (m.attribute("rtcp-rsize").isPresent()) {
      w.line("a=rtcp-rsize");
    }
    codecLines(w, offered.codec(), offered.payloadType(), true);
  }

  /** rtpmap, rtcp-fb and fmtp of one codec; {@code toPublisher} adds REMB and a start bitrate. */
  static void codecLines(SdpWriter w, VideoCodec codec, int pt, boolean toPublisher) {
    w.line("a=rtpmap:" + pt + " " + codec.rtpmap());
    if (toPublisher) {
      w.line("a=rtcp-fb:" + pt + " goog-remb");
    }
    w.line("a=rtcp-fb:" + pt + " ccm fir");
    w.line("a=rtcp-fb:" + pt + " nack");
    w.line("a=rtcp-fb:" + pt + " nack pli");
    String fmtp = codec.fmtp();
    if (toPublisher) {
      String start = "x-google-start-bitrate=" + START_BITRATE_KBPS;
      fmtp = fmtp.isEmpty() ? start : fmtp + ";" + start;
    }
    if (!fmtp.isEmpty()) {
      w.line("a=fmtp:" + pt + " " + fmtp);
    }
  }
}
