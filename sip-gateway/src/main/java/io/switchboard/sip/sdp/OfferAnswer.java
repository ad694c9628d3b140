package io.switchboard.sip.sdp;

import io.switchboard.trunk.model.MediaEncryption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * RFC 3264 offer/answer for one audio stream. Stateless: the call keeps the current codec and
 * our SDP version and passes them in.
 */
public final class OfferAnswer {
  /** Our packetisation: 20 ms frames everywhere. */
  public static final int PTIME_MILLIS = 20;

  private OfferAnswer() {}

  /**
   * Answers an offer. The first audio stream we can use is accepted with the first codec of
   * the offer (in the offerer's order) that the policy allows; {@code keep}, when still offered,
   * wins so a re-INVITE does not switch codec mid-call. Every other stream is rejected with port 0
   * (RFC 3264 §6).
   *
   * <p>Why the offerer's order and not the policy's: the offer lists formats most preferred first
   * (RFC 3264 §5.1) and §6.1 recommends the answerer keep that order unless it has a reason; a
   * carrier's order usually reflects what its network carries without transcoding. FreeSWITCH's
   * default ({@code inbound-codec-negotiation=generous}) does the same; LiveKit SIP instead picks the
   * highest of its own priorities (media-sdk {@code SelectAudio}), FreeSWITCH's {@code greedy}. The
   * policy (server {@code sip.codecs}) is therefore an allow-list here, and an order in our offers.
   */
  public static AnswerResult answer(
      SessionDescription offer, CodecPolicy policy, SdpCodec keep, LocalSdp local) {
    List<MediaDescription> answerMedia = new ArrayList<>();
    NegotiatedAudio chosen = null;
    String whyNot = offer.media().isEmpty() ? "offer has no media streams" : "offer has no audio stream";
    for (MediaDescription media : offer.media()) {
      if (chosen == null && media.isAudio() && !media.isDisabled()) {
        String problem = unusable(offer, media, policy);
        if (problem == null) {
          chosen = negotiate(offer, media, policy, keep);
          if (SdesNegotiation.choose(media, policy.encryption()) instanceof SdesNegotiation.Choice.Srtp(var crypto)) {
            if (local.srtpKey() == null) {
              throw new IllegalStateException("SRTP negotiated but the call has no local SDES key");
            }
            chosen = chosen.withSrtp(SdesNegotiation.keys(local.srtpKey(), crypto));
          }
          answerMedia.add(acceptedMedia(media, chosen, local));
          continue;
        }
        whyNot = problem;
      }
      if (chosen == null && media.isAudio() && media.isDisabled() && whyNot.startsWith("offer has no")) {
        whyNot = "the offered audio stream is disabled (port 0)";
      }
      answerMedia.add(rejectedMedia(media));
    }
    if (chosen == null) {
      return new AnswerResult.NotAcceptable(whyNot);
    }
    var answer = new SessionDescription(
        local.origin(), "-", SdpConnection.forAddress(local.address()), List.of(), List.of("0 0"),
        List.of(), answerMedia);
    return new AnswerResult.Answered(answer, chosen);
  }

  /**
   * Our offer for an outbound INVITE, a late-offer INVITE or a refresh: every allowed codec
   * (Opus on a dynamic payload type with its fmtp), then telephone-event for each clock rate.
   */
  public static SessionDescription offer(CodecPolicy policy, MediaDirection direction, LocalSdp local) {
    List<String> formats = new ArrayList<>();
    List<SdpAttribute> attributes = new ArrayList<>();
    List<Integer> clocks = new ArrayList<>();
    for (SdpCodec codec : policy.allowed()) {
      formats.add(Integer.toString(codec.offerPayloadType()));
      attributes.add(SdpAttribute.of("rtpmap", codec.rtpMap().format()));
      codec.fmtp().ifPresent(f -> attributes.add(SdpAttribute.of("fmtp", codec.offerPayloadType() + " " + f)));
      if (!clocks.contains(codec.clockRate())) {
        clocks.add(codec.clockRate());
      }
    }
    if (policy.dtmf()) {
      // Events run on the audio's clock (RFC 4733 §2.1): one telephone-event per clock we offer.
      for (int clock : clocks) {
        addTelephoneEvent(formats, attributes, TelephoneEvent.offerPayloadType(clock), clock,
            TelephoneEvent.DEFAULT_EVENTS);
      }
    }
    attributes.add(SdpAttribute.of("ptime", Integer.toString(PTIME_MILLIS)));
    attributes.add(SdpAttribute.flag(direction.attributeName()));
    // REQUIRE offers RTP/SAVP. ALLOW offers RTP/AVP with crypto lines (best effort): a plain-only peer
    // ignores them instead of refusing, where LiveKit's ALLOW offers RTP/SAVP (media-sdk sdp/offer.go).
    String protocol = policy.encryption() == MediaEncryption.REQUIRE ? "RTP/SAVP" : "RTP/AVP";
    if (policy.encryption() != MediaEncryption.DISABLE) {
      if (local.srtpKey() == null) {
        throw new IllegalStateException("media encryption " + policy.encryption() + " but no local SDES key");
      }
      attributes.addAll(SdesNegotiation.offerAttributes(local.srtpKey()));
    }
    var audio = new MediaDescription(
        "audio", local.rtpPort(), 1, protocol, formats, null, List.of(), attributes);
    return new SessionDescription(
        local.origin(), "-", SdpConnection.forAddress(local.address()), List.of(), List.of("0 0"),
        List.of(), List.of(audio));
  }

  /** Reads the peer's answer to our {@link #offer} (late offer: it arrives in the ACK). */
  public static AnswerAcceptance acceptAnswer(SessionDescription ourOffer, SessionDescription answer) {
    if (answer.media().size() != ourOffer.media().size()) {
      return new AnswerAcceptance.NotAcceptable(
          "answer has " + answer.media().size() + " m= lines, our offer had " + ourOffer.media().size());
    }
    MediaDescription media = answer.media().getFirst();
    if (!media.isAudio() || media.isDisabled()) {
      return new AnswerAcceptance.NotAcceptable("answer rejected the audio stream");
    }
    MediaDescription offered = ourOffer.media().getFirst();
    SrtpKeys keys;
    try {
      keys = SdesNegotiation.acceptAnswer(offered, media);
    } catch (IllegalArgumentException e) {
      return new AnswerAcceptance.NotAcceptable(e.getMessage());
    }
    for (String format : media.formats()) {
      Optional<SdpCodec> codec = SdpCodec.identify(media, format);
      if (codec.isPresent() && offered.formats().contains(format)) {
        SdpConnection connection = answer.connectionFor(media);
        if (connection == null) {
          return new AnswerAcceptance.NotAcceptable("answer's audio stream has no c= line");
        }
        // Their events at the codec's clock, else at another clock, as long as we offered that clock.
        Optional<RtpMap> events = TelephoneEvent.forCodecClock(media, codec.get().clockRate())
            .filter(e -> TelephoneEvent.payloadTypeIn(offered, e.clockRate()).isPresent());
        OptionalInt dtmf = events.map(e -> OptionalInt.of(e.payloadType())).orElse(OptionalInt.empty());
        int eventClock = events.map(RtpMap::clockRate).orElse(codec.get().clockRate());
        MediaDirection theirs = effectiveDirection(answer, media, connection);
        return new AnswerAcceptance.Accepted(new NegotiatedAudio(
            codec.get(), Integer.parseInt(format), dtmf, connection.address(), media.port(),
            theirs.answer(), PTIME_MILLIS, keys, eventClock));
      }
    }
    return new AnswerAcceptance.NotAcceptable(
        "answer " + media.formats() + " names none of the codecs we offered " + offered.formats());
  }

  private static String unusable(SessionDescription offer, MediaDescription media, CodecPolicy policy) {
    if (!media.protocol().equalsIgnoreCase("RTP/AVP") && !media.protocol().equalsIgnoreCase("RTP/AVPF")
        && !SdesNegotiation.isSecureProfile(media.protocol())) {
      return "audio transport " + media.protocol() + " is not supported (RTP/AVP or RTP/SAVP with SDES only)";
    }
    if (SdesNegotiation.choose(media, policy.encryption()) instanceof SdesNegotiation.Choice.Refuse(String reason)) {
      return reason;
    }
    if (offer.connectionFor(media) == null) {
      return "audio stream has no c= line";
    }
    if (pickCodec(media, policy, null).isEmpty()) {
      return "no common codec: offered " + describe(media) + ", allowed " + policy.allowed();
    }
    return null;
  }

  private static NegotiatedAudio negotiate(
      SessionDescription offer, MediaDescription media, CodecPolicy policy, SdpCodec keep) {
    String format = pickCodec(media, policy, keep).orElseThrow();
    SdpCodec codec = SdpCodec.identify(media, format).orElseThrow();
    // Events at the chosen codec's clock (telephone-event/48000 with Opus); a peer that declared
    // them only at another clock still gets them there, rather than losing DTMF (and PINs).
    Optional<RtpMap> events = policy.dtmf() ? TelephoneEvent.forCodecClock(media, codec.clockRate()) : Optional.empty();
    OptionalInt dtmf = events.map(e -> OptionalInt.of(e.payloadType())).orElse(OptionalInt.empty());
    SdpConnection connection = offer.connectionFor(media);
    MediaDirection ours = effectiveDirection(offer, media, connection).answer();
    return new NegotiatedAudio(
        codec, Integer.parseInt(format), dtmf, connection.address(), media.port(), ours, PTIME_MILLIS, null,
        events.map(RtpMap::clockRate).orElse(codec.clockRate()));
  }

  /** The sender's direction, with an RFC 2543 hold address (c=0.0.0.0) read as "do not send to me". */
  private static MediaDirection effectiveDirection(
      SessionDescription description, MediaDescription media, SdpConnection connection) {
    MediaDirection direction = description.directionOf(media);
    return connection.isHoldAddress() ? direction.withoutReceiving() : direction;
  }

  private static Optional<String> pickCodec(MediaDescription media, CodecPolicy policy, SdpCodec keep) {
    String first = null;
    for (String format : media.formats()) {
      Optional<SdpCodec> codec = SdpCodec.identify(media, format);
      if (codec.isPresent() && policy.allowed().contains(codec.get())) {
        if (codec.get() == keep) {
          return Optional.of(format);
        }
        if (first == null) {
          first = format;
        }
      }
    }
    return Optional.ofNullable(first);
  }

  private static MediaDescription acceptedMedia(MediaDescription offered, NegotiatedAudio audio, LocalSdp local) {
    List<String> formats = new ArrayList<>();
    List<SdpAttribute> attributes = new ArrayList<>();
    formats.add(Integer.toString(audio.payloadType()));
    // The offerer's payload type, also for a dynamic one such as Opus's (RFC 3264 §6.1).
    attributes.add(SdpAttribute.of("rtpmap", audio.codec().rtpMap(audio.payloadType()).format()));
    audio.codec().fmtp().ifPresent(f -> attributes.add(SdpAttribute.of("fmtp", audio.payloadType() + " " + f)));
    if (audio.dtmfPayloadType().isPresent()) {
      int payloadType = audio.dtmfPayloadType().getAsInt();
      addTelephoneEvent(formats, attributes, payloadType, audio.dtmfClockRate(),
          offered.fmtp(payloadType).orElse(TelephoneEvent.DEFAULT_EVENTS));
    }
    attributes.add(SdpAttribute.of("ptime", Integer.toString(PTIME_MILLIS)));
    attributes.add(SdpAttribute.flag(audio.direction().attributeName()));
    if (audio.srtp() != null) {
      attributes.add(SdpAttribute.of("crypto", audio.srtp().local().format()));
    }
    return new MediaDescription(
        "audio", local.rtpPort(), 1, offered.protocol(), formats, null, List.of(), attributes);
  }

  private static MediaDescription rejectedMedia(MediaDescription offered) {
    return new MediaDescription(
        offered.media(), 0, 1, offered.protocol(), List.of(offered.formats().getFirst()), null, List.of(), List.of());
  }

  private static void addTelephoneEvent(
      List<String> formats, List<SdpAttribute> attributes, int payloadType, int clock, String events) {
    formats.add(Integer.toString(payloadType));
    attributes.add(SdpAttribute.of("rtpmap", payloadType + " " + TelephoneEvent.ENCODING + "/" + clock));
    attributes.add(SdpAttribute.of("fmtp", payloadType + " " + events));
  }

  private static String describe(MediaDescription media) {
    List<String> names = new ArrayList<>();
    for (String format : media.formats()) {
      Optional<RtpMap> map;
      try {
        map = media.rtpMap(Integer.parseInt(format));
      } catch (NumberFormatException e) {
        map = Optional.empty();
      }
      names.add(map.map(m -> m.encoding() + "/" + m.clockRate()).orElse(format));
    }
    return names.toString();
  }
}
