package io.switchboard.sfu.webrtc;

import io.switchboard.sfu.transport.TransportDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Our answer to a client's publisher offer (RFC 8829 §5.3): audio sections are received as Opus
 * with the client's payload type, video as VP8 or H.264 ({@link VideoSections}), data channels
 * are accepted (SCTP port 5000), anything else is rejected with port 0 (RFC 8866 §5.14). Sections keep the
 * offer's order and mids; the accepted ones are BUNDLEd.
 *
 * @param sdp the answer text
 * @param audio the audio sections we accepted
 */
public record PublisherAnswer(String sdp, List<AcceptedAudio> audio, List<AcceptedVideo> video) {
  public PublisherAnswer {
    audio = List.copyOf(audio);
    video = List.copyOf(video);
  }

  /**
   * A video section we receive (one codec, one encoding: see {@link VideoSections}).
   *
   * @param codec the codec chosen and the client's payload type for it
   * @param ssrc the first {@code a=ssrc} (0 when the client offered simulcast by rid, which lists
   *     none: its packets are then told apart by payload type)
   */
  public record AcceptedVideo(String mid, VideoCodec.Offered codec, String trackId, int ssrc, boolean sending) {}

  /**
   * @param mid the section's mid
   * @param payloadType the client's Opus payload type
   * @param trackId the MediaStreamTrack id from {@code a=msid} (LiveKit's AddTrackRequest cid), or
   *     "" if the offer has none
   * @param ssrc the first {@code a=ssrc} of the section, which tells its packets apart in the
   *     BUNDLE (no MID header extension is negotiated), or 0 if the offer lists none
   * @param sending whether the client sends on it (sendonly or sendrecv); LiveKit's Rust SDK also
   *     offers spare recvonly sections
   */
  public record AcceptedAudio(String mid, int payloadType, String trackId, int ssrc, boolean sending) {}

  public static PublisherAnswer answer(
      Sdp offer, TransportDescription local, long sessionId, long version) {
    return answer(offer, local, sessionId, version, java.util.Map.of());
  }

  /**
   * @param videoCodecs the codec each video track asked for (LiveKit's AddTrackRequest), by the
   *     MediaStreamTrack id its section's {@code a=msid} names: chosen when offered, since the
   *     client's codec preferences may not have reordered the offer
   */
  public static PublisherAnswer answer(Sdp offer, TransportDescription local, long sessionId, long version,
      java.util.Map<String, VideoCodec> videoCodecs) {
    List<String> bundle = new ArrayList<>();
    List<AcceptedAudio> audio = new ArrayList<>();
    List<AcceptedVideo> video = new ArrayList<>();
    List<String> sections = new ArrayList<>();
    boolean first = true;
    for (Sdp.Media m : offer.media()) {
      SdpWriter w = new SdpWriter();
      String mid = m.mid();
      Optional<Integer> opus = m.kind().equals("audio") ? opusPayloadType(m) : Optional.empty();
      Optional<VideoCodec.Offered> vid = m.kind().equals("video")
          ? VideoCodec.choose(m, Optional.ofNullable(videoCodecs.get(msidTrack(m)))) : Optional.empty();
      if (m.port() == 0) {
        reject(w, m, mid);
      } else if (opus.isPresent()) {
        w.line("m=audio 9 " + m.proto() + " " + opus.get());
        w.transport(local, first);
        w.line("a=mid:" + mid);
        String direction = answerDirection(m);
        w.line("a=" + direction);
        w.line("a=rtcp-mux");
        w.line("a=rtpmap:" + opus.get() + " opus/48000/2");
        w.line("a=fmtp:" + opus.get() + " minptime=10;useinbandfec=1");
        audio.add(new AcceptedAudio(mid, opus.get(), msidTrack(m), firstSsrc(m), direction.equals("recvonly")));
        bundle.add(mid);
        first = false;
      } else if (vid.isPresent()) {
        String direction = answerDirection(m);
        VideoSections.answer(w, m, vid.get(), local, first, direction);
        video.add(new AcceptedVideo(mid, vid.get(), msidTrack(m), firstSsrc(m), direction.equals("recvonly")));
        bundle.add(mid);
        first = false;
      } else if (m.kind().equals("application") && m.proto().endsWith("SCTP")) {
        w.line("m=application 9 " + m.proto() + " webrtc-datachannel");
        w.transport(local, first);
        w.line("a=mid:" + mid);
        w.line("a=sctp-port:5000");
        w.line("a=max-message-size:262144");
        bundle.add(mid);
        first = false;
      } else {
        reject(w, m, mid);
      }
      sections.add(w.toString());
    }
    SdpWriter out = new SdpWriter().session(sessionId, version);
    if (!bundle.isEmpty()) {
      out.line("a=group:BUNDLE " + String.join(" ", bundle));
    }
    out.line("a=msid-semantic: WMS");
    StringBuilder sdp = new StringBuilder(out.toString());
    sections.forEach(sdp::append);
    return new PublisherAnswer(sdp.toString(), audio, video);
  }

  /** A rejected section keeps its kind, proto and mid with port 0 (RFC 8829 §5.3.1). */
  private static void reject(SdpWriter w, Sdp.Media m, String mid) {
    String format = m.formats().isEmpty() ? "0" : m.formats().getFirst();
    w.line("m=" + m.kind() + " 0 " + m.proto() + " " + format);
    w.line("c=IN IP4 0.0.0.0");
    w.line("a=mid:" + mid);
    w.line("a=inactive");
  }

  static Optional<Integer> opusPayloadType(Sdp.Media m) {
    for (String rtpmap : m.attributes("rtpmap")) {
      int space = rtpmap.indexOf(' ');
      if (space > 0 && rtpmap.substring(space + 1).toLowerCase(Locale.ROOT).startsWith("opus/48000")) {
        return Optional.of(Integer.parseInt(rtpmap.substring(0, space)));
      }
    }
    return Optional.empty();
  }

  private static String answerDirection(Sdp.Media m) {
    boolean sends =
        m.attribute("sendonly").isPresent()
            || m.attribute("sendrecv").isPresent()
            || (m.attribute("recvonly").isEmpty() && m.attribute("inactive").isEmpty());
    return sends ? "recvonly" : "inactive";
  }

  private static int firstSsrc(Sdp.Media m) {
    return m.attributes("ssrc").stream()
        .map(v -> v.split(" ")[0])
        .findFirst()
        .map(v -> (int) Long.parseLong(v))
        .orElse(0);
  }

  private static String msidTrack(Sdp.Media m) {
    return m.attribute("msid")
        .map(v -> v.split(" "))
        .filter(t -> t.length > 1)
        .map(t -> t[1])
        .orElse("");
  }
}
