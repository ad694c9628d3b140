package io.switchboard.sfu.webrtc;

import io.switchboard.sfu.transport.TransportDescription;
import java.util.ArrayList;
import java.util.List;

/**
 * Our offer on a subscriber connection: a data-channel section (mid 0) first, so the connection
 * has something to negotiate even before there is a track, then one sendonly Opus section per
 * audio track, in the order they were added. A section whose track went away stays, inactive and
 * without SSRC, so mids never move (RFC 8829 §5.2.2). LiveKit's clients find the track's owner and
 * sid in {@code a=msid:<PA_sid>|<TR_sid> <TR_sid>}.
 */
public final class SubscriberOffer {
  /** Payload type we offer Opus with. */
  public static final int OPUS_PAYLOAD_TYPE = 111;

  /**
   * One media section: a track the subscriber receives, or an emptied one. Video sections offer
   * every {@link VideoCodec}; the down track sends with the one its publisher uses.
   */
  public record AudioSection(String mid, String participantSid, String trackSid, int ssrc, boolean active, boolean video) {
    public AudioSection(String mid, String participantSid, String trackSid, int ssrc, boolean active) {
      this(mid, participantSid, trackSid, ssrc, active, false);
    }

    public String msidStream() {
      return participantSid + "|" + trackSid;
    }
  }

  private SubscriberOffer() {}

  public static String build(
      TransportDescription local, List<AudioSection> audio, long sessionId, long version) {
    List<String> mids = new ArrayList<>();
    mids.add("0");
    audio.forEach(a -> mids.add(a.mid()));
    SdpWriter w =
        new SdpWriter()
            .session(sessionId, version)
            .line("a=group:BUNDLE " + String.join(" ", mids))
            .line("a=msid-semantic: WMS *");
    w.line("m=application 9 UDP/DTLS/SCTP webrtc-datachannel");
    w.transport(local, true);
    w.line("a=mid:0");
    w.line("a=sctp-port:5000");
    w.line("a=max-message-size:262144");
    for (AudioSection a : audio) {
      if (a.video()) {
        videoSection(w, local, a.mid());
      } else {
        w.line("m=audio 9 UDP/TLS/RTP/SAVPF " + OPUS_PAYLOAD_TYPE);
        w.transport(local, false);
        w.line("a=mid:" + a.mid());
        w.line("a=rtcp-mux");
        w.line("a=rtpmap:" + OPUS_PAYLOAD_TYPE + " opus/48000/2");
        w.line("a=fmtp:" + OPUS_PAYLOAD_TYPE + " minptime=10;useinbandfec=1");
      }
      if (a.active()) {
        w.line("a=sendonly");
        w.line("a=msid:" + a.msidStream() + " " + a.trackSid());
        String ssrc = Integer.toUnsignedString(a.ssrc());
        w.line("a=ssrc:" + ssrc + " cname:" + a.participantSid());
        w.line("a=ssrc:" + ssrc + " msid:" + a.msidStream() + " " + a.trackSid());
      } else {
        w.line("a=inactive");
      }
    }
    return w.toString();
  }

  /** A video section offering VP8 and H.264 with NACK, PLI and FIR feedback (RFC 4585, 5104). */
  private static void videoSection(SdpWriter w, TransportDescription local, String mid) {
    StringBuilder formats = new StringBuilder();
    for (VideoCodec c : VideoCodec.values()) {
      formats.append(' ').append(c.payloadType());
    }
    w.line("m=video 9 UDP/TLS/RTP/SAVPF" + formats);
    w.transport(local, false);
    w.line("a=mid:" + mid);
    w.line("a=rtcp-mux");
    w.line("a=rtcp-rsize");
    for (VideoCodec c : VideoCodec.values()) {
      VideoSections.codecLines(w, c, c.payloadType(), false);
    }
  }
}
