package io.switchboard.sfu.webrtc;

import io.switchboard.sfu.transport.TransportDescription;

/**
 * The video parts of our SDP. A publisher's video section is answered with the one codec we
 * chose from it and one encoding: a simulcast offer (RFC 8853) is answered with only its last
 * rid, which LiveKit's clients give the full resolution, so the client stops sending the other
 * layers (an answer without {@code a=simulcast} would make it send only the first, smallest
 * one). Feedback: NACK, PLI, FIR, and REMB towards publishers (we send REMB rather than
 * transport-cc feedback).
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
    lastRid(m).ifPresent(rid -> {
      // RFC 8853 §5.3: the answerer may remove rids; the rid must still travel in a header extension.
      for (String extmap : m.attributes("extmap")) {
        if (extmap.endsWith(" urn:ietf:params:rtp-hdrext:sdes:mid")
            || extmap.endsWith(" urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id")) {
          w.line("a=extmap:" + extmap);
        }
      }
      w.line("a=rid:" + rid + " recv");
      w.line("a=simulcast:recv " + rid);
    });
  }

  /** The last rid of a section's {@code a=simulcast:send} list, if it offers simulcast. */
  static java.util.Optional<String> lastRid(Sdp.Media m) {
    return m.attribute("simulcast")
        .filter(v -> v.startsWith("send "))
        .map(v -> v.substring(5).trim().split(";"))
        .map(layers -> layers[layers.length - 1].split(",")[0].replace("~", ""))
        .filter(rid -> !rid.isEmpty());
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
