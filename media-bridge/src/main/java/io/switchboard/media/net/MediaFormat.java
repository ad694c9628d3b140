package io.switchboard.media.net;

import io.switchboard.media.codec.AudioCodec;

/**
 * The outcome of SDP offer/answer for one audio stream: the codec and the payload types that
 * carry it and, optionally, RFC 4733 telephone events.
 *
 * @param payloadType the payload type negotiated for {@code codec} (static or dynamic)
 * @param telephoneEventPayloadType the telephone-event payload type, or {@link #NONE}
 * @param telephoneEventClockRate the clock event durations are counted in: the codec's, as RFC
 *     4733 §2.1 recommends, unless the peer declared another (say Opus with telephone-event/8000)
 */
public record MediaFormat(AudioCodec codec, int payloadType, int telephoneEventPayloadType,
    int telephoneEventClockRate) {
  public static final int NONE = -1;

  /** Telephone events, if any, at the codec's clock rate. */
  public MediaFormat(AudioCodec codec, int payloadType, int telephoneEventPayloadType) {
    this(codec, payloadType, telephoneEventPayloadType, codec.clockRate());
  }

  public MediaFormat {
    if (telephoneEventClockRate <= 0 || telephoneEventClockRate % 50 != 0) {
      throw new IllegalArgumentException(
          "telephone-event clock rate must be a positive multiple of 50 Hz, got " + telephoneEventClockRate);
    }
    if (payloadType < 0 || payloadType > 127) {
      throw new IllegalArgumentException("payload type must be 0..127, got " + payloadType);
    }
    if (telephoneEventPayloadType != NONE
        && (telephoneEventPayloadType < 0 || telephoneEventPayloadType > 127)) {
      throw new IllegalArgumentException(
          "telephone-event payload type must be 0..127 or NONE, got " + telephoneEventPayloadType);
    }
    if (telephoneEventPayloadType == payloadType) {
      throw new IllegalArgumentException(
          "telephone-event and " + codec.name() + " cannot share payload type " + payloadType);
    }
  }

  /** The codec on its static payload type, with telephone events on {@code eventPayloadType}. */
  public static MediaFormat ofStatic(AudioCodec codec, int eventPayloadType) {
    if (codec.staticPayloadType() < 0) {
      throw new IllegalArgumentException(codec.name() + " has no static payload type");
    }
    return new MediaFormat(codec, codec.staticPayloadType(), eventPayloadType);
  }

  public boolean hasTelephoneEvents() {
    return telephoneEventPayloadType != NONE;
  }
}
