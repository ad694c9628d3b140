package io.switchboard.sip.sdp;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * RFC 4733 telephone-event: DTMF as RTP events. Events share the audio's RTP stream and so its
 * timestamp clock (§2.1): with G.711 or G.722 that is {@code telephone-event/8000}, with Opus
 * {@code telephone-event/48000}. An offer carrying both kinds of codec usually carries both.
 */
public final class TelephoneEvent {
  public static final String ENCODING = "telephone-event";
  /** The clock of the 8 kHz-clock codecs (G.711, G.722). */
  public static final int CLOCK_RATE = 8000;
  /** The dynamic payload type we use in our own offers for {@code telephone-event/8000}. */
  public static final int DEFAULT_PAYLOAD_TYPE = 101;
  /** ... and for {@code telephone-event/48000}, offered next to Opus (the number WebRTC stacks use). */
  public static final int WIDEBAND_PAYLOAD_TYPE = 110;
  /** DTMF digits 0-9, *, #, A-D and flash (RFC 4733 §3.2). */
  public static final String DEFAULT_EVENTS = "0-16";

  private TelephoneEvent() {}

  /** The payload type an m= line uses for telephone-event/8000, if it offers it. */
  public static OptionalInt payloadTypeIn(MediaDescription media) {
    return payloadTypeIn(media, CLOCK_RATE);
  }

  /** The payload type an m= line uses for telephone-event at {@code clockRate}, if it offers it. */
  public static OptionalInt payloadTypeIn(MediaDescription media, int clockRate) {
    for (String format : media.formats()) {
      try {
        int payloadType = Integer.parseInt(format);
        if (media.rtpMap(payloadType).map(m -> m.names(ENCODING, clockRate)).orElse(false)) {
          return OptionalInt.of(payloadType);
        }
      } catch (NumberFormatException ignored) {
        // not an RTP payload type
      }
    }
    return OptionalInt.empty();
  }

  /**
   * The telephone-event of an m= line to pair with a codec at {@code codecClock}: the one at that
   * clock, else (a peer pairing Opus with events at 8000 only) the first one at any clock.
   */
  public static Optional<RtpMap> forCodecClock(MediaDescription media, int codecClock) {
    RtpMap other = null;
    for (String format : media.formats()) {
      try {
        Optional<RtpMap> map = media.rtpMap(Integer.parseInt(format));
        if (map.isPresent() && map.get().encoding().equalsIgnoreCase(ENCODING)) {
          if (map.get().clockRate() == codecClock) {
            return map;
          }
          other = other == null ? map.get() : other;
        }
      } catch (NumberFormatException ignored) {
        // not an RTP payload type
      }
    }
    return Optional.ofNullable(other);
  }

  /** The payload type we offer telephone-event on at {@code clockRate}. */
  public static int offerPayloadType(int clockRate) {
    return clockRate == CLOCK_RATE ? DEFAULT_PAYLOAD_TYPE : WIDEBAND_PAYLOAD_TYPE;
  }
}
