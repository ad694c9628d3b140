package io.switchboard.media.dtmf;

/**
 * Turns a stream of RFC 4733 telephone-event packets into digits, exactly once per event.
 *
 * <p>All packets of one event share its RTP timestamp (§2.5.1), so events are told apart by
 * {@code (SSRC, timestamp)}, not by the marker bit (which can be lost) nor by the E bit (the end
 * packet is sent three times and all three can be lost). A digit is reported on the first packet
 * of its event that arrives, whatever it is. A later timestamp starts a new event even if the
 * previous one never ended; an older timestamp is a straggler and is ignored. A segment of a
 * long event (§2.5.1.3: same event, no marker, a timestamp 0xFFFF after a segment that
 * reached the maximum duration) continues it.
 *
 * <p>Not thread-safe; allocation-free.
 */
public final class DtmfReceiver {
  private boolean haveEvent;
  private int ssrc;
  private int timestamp;
  private int event;
  private int maxDuration;

  /**
   * Handles one telephone-event packet.
   *
   * @return the digit if this packet starts a new DTMF event, otherwise null (an update, a
   *     repeated end, a straggler, a malformed payload, or a non-DTMF event such as flash)
   */
  public DtmfDigit onPacket(
      int packetSsrc, int packetTimestamp, boolean marker, byte[] payload, int off, int len) {
    if (len < TelephoneEvent.PAYLOAD_BYTES) {
      return null;
    }
    int code = TelephoneEvent.event(payload, off);
    int duration = TelephoneEvent.duration(payload, off);
    boolean sameSource = haveEvent && packetSsrc == ssrc;
    if (sameSource && packetTimestamp == timestamp) {
      maxDuration = Math.max(maxDuration, duration);
      return null;
    }
    if (sameSource && packetTimestamp - timestamp < 0) {
      return null; // straggler from an event we already reported
    }
    boolean continuation =
        sameSource
            && !marker
            && code == event
            && maxDuration == TelephoneEvent.MAX_DURATION
            && packetTimestamp - timestamp == TelephoneEvent.MAX_DURATION;
    haveEvent = true;
    ssrc = packetSsrc;
    timestamp = packetTimestamp;
    event = code;
    maxDuration = duration;
    if (continuation || !DtmfDigit.isDigitEvent(code)) {
      return null;
    }
    return DtmfDigit.ofEvent(code);
  }

  /** Forgets the last event, e.g. when the remote source changes. */
  public void reset() {
    haveEvent = false;
  }
}
