package io.switchboard.sip.sdp;

import java.util.OptionalInt;

/** RFC 4733 telephone-event: DTMF as RTP events, always at an 8000 Hz clock here. */
public final class TelephoneEvent {
  public static final String ENCODING = "telephone-event";
  public static final int CLOCK_RATE = 8000;
  /** The dynamic payload type we use in our own offers. */
  public static final int DEFAULT_PAYLOAD_TYPE = 101;
  /** DTMF digits 0-9, *, #, A-D and flash (RFC 4733 §3.2). */
  public static final String DEFAULT_EVENTS = "0-16";

  private TelephoneEvent() {}

  /** The payload type an m= line uses for telephone-event/8000, if it offers it. */
  public static OptionalInt payloadTypeIn(MediaDescription media) {
    for (String format : media.formats()) {
      try {
        int payloadType = Integer.parseInt(format);
        if (media.rtpMap(payloadType).map(m -> m.names(ENCODING, CLOCK_RATE)).orElse(false)) {
          return OptionalInt.of(payloadType);
        }
      } catch (NumberFormatException ignored) {
        // not an RTP payload type
      }
    }
    return OptionalInt.empty();
  }
}
