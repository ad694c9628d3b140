package io.switchboard.media.dtmf;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Generates the RFC 4733 packet sequence for queued digits, one packet per 20 ms media tick.
 *
 * <p>For each digit: a first packet with the marker bit, an update every tick with the duration
 * so far, then the final packet with the E bit sent three times (§2.5.1.4); every packet carries
 * the event's start timestamp, durations are in RTP clock units. A pause of audio ticks
 * separates consecutive digits. While {@link #tick} returns a payload the caller sends it
 * instead of audio; when it returns 0 the caller sends audio as usual.
 *
 * <p>{@link #enqueue} may be called from any thread; {@link #tick} from one media thread.
 */
public final class DtmfSender {
  /** How many times the final (E bit) packet is sent. */
  public static final int END_REPEATS = 3;

  private enum Phase { IDLE, TONE, ENDING, PAUSE }

  private final Queue<DtmfDigit> queue = new ConcurrentLinkedQueue<>();
  private final int unitsPerTick;
  private final int toneTicks;
  private final int pauseTicks;
  private final int volume;

  private Phase phase = Phase.IDLE;
  private DtmfDigit digit;
  private int eventTimestamp;
  private int ticksInPhase;
  private boolean marker;

  /**
   * @param clockRate the telephone-event clock rate negotiated in SDP (usually 8000)
   * @param tone how long each digit sounds; rounded up to whole 20 ms ticks
   * @param pause audio between the last end packet of a digit and the next digit
   * @param volume power level as a positive number, 0..63 (-dBm0); 10 is common
   */
  public DtmfSender(int clockRate, Duration tone, Duration pause, int volume) {
    if (clockRate <= 0 || clockRate % 50 != 0) {
      throw new IllegalArgumentException("clock rate must be a positive multiple of 50, got " + clockRate);
    }
    if (volume < 0 || volume > TelephoneEvent.MAX_VOLUME) {
      throw new IllegalArgumentException("volume must be 0..63 (-dBm0), got " + volume);
    }
    this.unitsPerTick = clockRate / 50;
    this.toneTicks = (int) Math.max(1, ceilDiv(tone.toMillis(), 20));
    this.pauseTicks = (int) Math.max(0, ceilDiv(pause.toMillis(), 20));
    this.volume = volume;
    if ((long) toneTicks * unitsPerTick > TelephoneEvent.MAX_DURATION) {
      throw new IllegalArgumentException(
          "tone of " + tone.toMillis() + " ms does not fit one event's 16-bit duration");
    }
  }

  /** 100 ms tones, 60 ms pauses, volume -10 dBm0. */
  public static DtmfSender standard(int clockRate) {
    return new DtmfSender(clockRate, Duration.ofMillis(100), Duration.ofMillis(60), 10);
  }

  public void enqueue(DtmfDigit d) {
    queue.add(d);
  }

  /** Queues every digit of {@code digits}; nothing is queued if any character is invalid. */
  public void enqueue(CharSequence digits) {
    DtmfDigit[] parsed = new DtmfDigit[digits.length()];
    for (int i = 0; i < parsed.length; i++) {
      parsed[i] = DtmfDigit.ofSymbol(digits.charAt(i));
    }
    for (DtmfDigit d : parsed) {
      queue.add(d);
    }
  }

  /** True while a digit is being sent or waiting. */
  public boolean busy() {
    return phase != Phase.IDLE || !queue.isEmpty();
  }

  /**
   * Advances one 20 ms tick.
   *
   * @param tickTimestamp the RTP timestamp audio would carry on this tick
   * @return the telephone-event payload length written at {@code out[off]} (4), or 0 when this
   *     tick carries audio
   */
  public int tick(int tickTimestamp, byte[] out, int off) {
    switch (phase) {
      case PAUSE -> {
        if (++ticksInPhase < pauseTicks) {
          return 0;
        }
        phase = Phase.IDLE;
        return 0;
      }
      case IDLE -> {
        digit = queue.poll();
        if (digit == null) {
          return 0;
        }
        phase = Phase.TONE;
        eventTimestamp = tickTimestamp;
        ticksInPhase = 0;
      }
      case TONE, ENDING -> {}
    }
    int duration = toneTicks * unitsPerTick;
    if (phase == Phase.TONE) {
      ticksInPhase++;
      marker = ticksInPhase == 1;
      duration = ticksInPhase * unitsPerTick;
      if (ticksInPhase < toneTicks) {
        return TelephoneEvent.write(out, off, digit.event(), false, volume, duration);
      }
      phase = Phase.ENDING;
      ticksInPhase = 0;
    } else {
      marker = false;
    }
    ticksInPhase++;
    if (ticksInPhase == END_REPEATS) {
      phase = pauseTicks > 0 ? Phase.PAUSE : Phase.IDLE;
      ticksInPhase = 0;
    }
    return TelephoneEvent.write(out, off, digit.event(), true, volume, duration);
  }

  /** Marker bit for the packet the last {@link #tick} produced: set on an event's first packet. */
  public boolean marker() {
    return marker;
  }

  /** RTP timestamp for the packet the last {@link #tick} produced: the event's start. */
  public int eventTimestamp() {
    return eventTimestamp;
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }
}
