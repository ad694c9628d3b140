package io.switchboard.sip.sdp;

import java.util.Optional;

/**
 * The audio codecs we negotiate on the SIP leg. G.722 has an RTP clock of 8000 although it
 * samples at 16 kHz: a historical error frozen by RFC 3551 §4.5.2. Opus has no static payload
 * type and is always described as {@code opus/48000/2}, even for mono streams (RFC 7587 §7).
 */
public enum SdpCodec {
  PCMU(0, "PCMU", 8000, 1),
  PCMA(8, "PCMA", 8000, 1),
  G722(9, "G722", 8000, 1),
  OPUS(-1, "opus", 48000, 2);

  /** The dynamic payload type we give Opus in our own offers (the number WebRTC stacks use). */
  public static final int OPUS_OFFER_PAYLOAD_TYPE = 111;
  /**
   * Opus parameters in our SDP (RFC 7587 §6.1), as our WebRTC side and browsers write them;
   * no {@code stereo=1}: we receive mono. We ask for 20 ms packets with {@code a=ptime:20}; the
   * leg plays those (other sizes are concealed), and libopus can use the FEC a sender adds.
   */
  public static final String OPUS_FMTP = "minptime=10;useinbandfec=1";

  private final int staticPayloadType;
  private final String encodingName;
  private final int clockRate;
  private final int sdpChannels;

  SdpCodec(int staticPayloadType, String encodingName, int clockRate, int sdpChannels) {
    this.staticPayloadType = staticPayloadType;
    this.encodingName = encodingName;
    this.clockRate = clockRate;
    this.sdpChannels = sdpChannels;
  }

  /** The RFC 3551 static payload type, or -1 for a codec that only has dynamic ones. */
  public int staticPayloadType() {
    return staticPayloadType;
  }

  /** The payload type we put in our own offers: the static one, else our dynamic choice. */
  public int offerPayloadType() {
    return staticPayloadType >= 0 ? staticPayloadType : OPUS_OFFER_PAYLOAD_TYPE;
  }

  public String encodingName() {
    return encodingName;
  }

  public int clockRate() {
    return clockRate;
  }

  /** The channel count written in rtpmap: 2 for Opus whatever it carries, else 1. */
  public int sdpChannels() {
    return sdpChannels;
  }

  /** Our fmtp parameters for this codec, empty when we send none. */
  public Optional<String> fmtp() {
    return this == OPUS ? Optional.of(OPUS_FMTP) : Optional.empty();
  }

  /** The rtpmap line value for this codec on {@code payloadType}. */
  public RtpMap rtpMap(int payloadType) {
    return new RtpMap(payloadType, encodingName, clockRate, sdpChannels);
  }

  /** The rtpmap for our offers ({@link #offerPayloadType()}). */
  public RtpMap rtpMap() {
    return rtpMap(offerPayloadType());
  }

  /**
   * Which of our codecs a format on an m= line denotes: by its rtpmap when present (name
   * case-insensitive, clock and channel count), else by the static payload type table of
   * RFC 3551. A dynamic payload type without rtpmap denotes nothing we know.
   */
  public static Optional<SdpCodec> identify(MediaDescription media, String format) {
    int payloadType;
    try {
      payloadType = Integer.parseInt(format);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    Optional<RtpMap> map = media.rtpMap(payloadType);
    for (SdpCodec codec : values()) {
      boolean matches = map.isPresent()
          ? map.get().names(codec.encodingName, codec.clockRate) && map.get().channels() == codec.sdpChannels
          : codec.staticPayloadType >= 0 && payloadType == codec.staticPayloadType;
      if (matches) {
        return Optional.of(codec);
      }
    }
    return Optional.empty();
  }

  /** Parses a codec name as used in configuration ("PCMU", "pcma", "G722", "opus"). */
  public static SdpCodec byName(String name) {
    for (SdpCodec codec : values()) {
      if (codec.encodingName.equalsIgnoreCase(name) || codec.name().equalsIgnoreCase(name)) {
        return codec;
      }
    }
    throw new IllegalArgumentException("unknown codec '" + name + "': expected PCMU, PCMA, G722 or OPUS");
  }
}
