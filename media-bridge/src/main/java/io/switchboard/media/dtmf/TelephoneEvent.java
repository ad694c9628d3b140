package io.switchboard.media.dtmf;

/**
 * The RFC 4733 §2.3 telephone-event payload: one 4-byte event block.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * |     event     |E|R| volume    |          duration             |
 * </pre>
 */
public final class TelephoneEvent {
  public static final int PAYLOAD_BYTES = 4;
  /** Largest duration one event block can carry, in timestamp units (§2.5.2.3). */
  public static final int MAX_DURATION = 0xFFFF;
  /** Largest volume: the power level is 0 to -63 dBm0, sent as its absolute value. */
  public static final int MAX_VOLUME = 63;

  private TelephoneEvent() {}

  public static int event(byte[] payload, int off) {
    return payload[off] & 0xFF;
  }

  /** The E bit: this packet ends the event. */
  public static boolean end(byte[] payload, int off) {
    return (payload[off + 1] & 0x80) != 0;
  }

  /** Power level as a positive number: 10 means -10 dBm0. */
  public static int volume(byte[] payload, int off) {
    return payload[off + 1] & 0x3F;
  }

  /** Duration so far, in RTP timestamp units. */
  public static int duration(byte[] payload, int off) {
    return ((payload[off + 2] & 0xFF) << 8) | (payload[off + 3] & 0xFF);
  }

  /** Writes one event block (R bit zero); returns {@link #PAYLOAD_BYTES}. */
  public static int write(byte[] payload, int off, int event, boolean end, int volume, int duration) {
    if (event < 0 || event > 255) {
      throw new IllegalArgumentException("event code must be 0..255, got " + event);
    }
    if (volume < 0 || volume > MAX_VOLUME) {
      throw new IllegalArgumentException("volume must be 0..63 (-dBm0), got " + volume);
    }
    if (duration < 0 || duration > MAX_DURATION) {
      throw new IllegalArgumentException("duration must be 0..65535 units, got " + duration);
    }
    payload[off] = (byte) event;
    payload[off + 1] = (byte) ((end ? 0x80 : 0) | volume);
    payload[off + 2] = (byte) (duration >>> 8);
    payload[off + 3] = (byte) duration;
    return PAYLOAD_BYTES;
  }
}
