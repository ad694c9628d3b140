package io.switchboard.sip.sdp;

import java.util.Optional;

/**
 * The audio codecs we negotiate on the SIP leg. G.722 has an RTP clock of 8000 although it
 * samples at 16 kHz: a historical error frozen by RFC 3551 §4.5.2.
 */
public enum SdpCodec {
  PCMU(0, "PCMU", 8000),
  PCMA(8, "PCMA", 8000),
  G722(9, "G722", 8000);

  private final int staticPayloadType;
  private final String encodingName;
  private final int clockRate;

  SdpCodec(int staticPayloadType, String encodingName, int clockRate) {
    this.staticPayloadType = staticPayloadType;
    this.encodingName = encodingName;
    this.clockRate = clockRate;
  }

  public int staticPayloadType() {
    return staticPayloadType;
  }

  public String encodingName() {
    return encodingName;
  }

  public int clockRate() {
    return clockRate;
  }

  public RtpMap rtpMap() {
    return new RtpMap(staticPayloadType, encodingName, clockRate, 1);
  }

  /**
   * Which of our codecs a format on an m= line denotes: by its rtpmap when present, else by
   * the static payload type table of RFC 3551.
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
          ? map.get().names(codec.encodingName, codec.clockRate) && map.get().channels() == 1
          : payloadType == codec.staticPayloadType;
      if (matches) {
        return Optional.of(codec);
      }
    }
    return Optional.empty();
  }

  /** Parses a codec name as used in configuration ("PCMU", "pcma", "G722"). */
  public static SdpCodec byName(String name) {
    for (SdpCodec codec : values()) {
      if (codec.encodingName.equalsIgnoreCase(name) || codec.name().equalsIgnoreCase(name)) {
        return codec;
      }
    }
    throw new IllegalArgumentException("unknown codec '" + name + "': expected PCMU, PCMA or G722");
  }
}
