package io.switchboard.bench.load;

/**
 * What one caller measured about the stream the server sent it, over the measurement window.
 * Loss and interarrival jitter follow RFC 3550 (§A.1 sequence accounting, §A.8 jitter). The
 * packet delay variation histogram holds each packet's transit time (arrival minus RTP timestamp)
 * relative to the first packet's, in 0.1 ms bins; the report re-bases it on the stream's fastest
 * packet. Receiver-thread only; read after that thread has stopped.
 */
final class StreamStats {
  static final int PDV_BIN_MICROS = 100;
  static final int PDV_RANGE_MICROS = 1_000_000;
  private static final int PDV_BINS = 2 * PDV_RANGE_MICROS / PDV_BIN_MICROS;
  private static final int SEQ_MOD = 1 << 16;
  private static final double MICROS_PER_TIMESTAMP = 1e6 / Signal.SAMPLE_RATE;

  private boolean started;
  private int baseSeq;
  private int maxSeq;
  private long cycles;
  long received;
  private int firstTimestamp;
  private long firstTransitMicros;
  private double lastTransitMicros;
  /** RFC 3550 interarrival jitter, in microseconds. */
  double jitterMicros;
  double maxJitterMicros;
  final int[] pdv = new int[PDV_BINS];
  long pdvOutOfRange;
  private long firstArrivalNanos;
  private long lastArrivalNanos;
  long maxGapNanos;
  long frames;
  long audibleFrames;
  long silentFrames;
  long echoFrames;

  void onPacket(int seq, int timestamp, long arrivalNanos) {
    if (!started) {
      started = true;
      baseSeq = seq;
      maxSeq = seq;
      firstTimestamp = timestamp;
      firstTransitMicros = arrivalNanos / 1000;
      lastTransitMicros = firstTransitMicros;
      firstArrivalNanos = arrivalNanos;
      lastArrivalNanos = arrivalNanos;
    } else {
      int delta = (seq - maxSeq) & (SEQ_MOD - 1);
      if (delta > 0 && delta < SEQ_MOD / 2) {
        if (seq < maxSeq) {
          cycles += SEQ_MOD;
        }
        maxSeq = seq;
      }
      maxGapNanos = Math.max(maxGapNanos, arrivalNanos - lastArrivalNanos);
      lastArrivalNanos = arrivalNanos;
    }
    received++;
    double transitMicros = arrivalNanos / 1000.0 - (timestamp - firstTimestamp) * MICROS_PER_TIMESTAMP;
    double d = Math.abs(transitMicros - lastTransitMicros);
    lastTransitMicros = transitMicros;
    jitterMicros += (d - jitterMicros) / 16;
    maxJitterMicros = Math.max(maxJitterMicros, jitterMicros);
    long relative = Math.round(transitMicros - firstTransitMicros) + PDV_RANGE_MICROS;
    if (relative < 0 || relative >= 2L * PDV_RANGE_MICROS) {
      pdvOutOfRange++;
    } else {
      pdv[(int) (relative / PDV_BIN_MICROS)]++;
    }
  }

  /** Packets the sequence numbers say were sent in the window (RFC 3550 §A.3 "expected"). */
  long expected() {
    return started ? cycles + maxSeq - baseSeq + 1 : 0;
  }

  long lost() {
    return Math.max(0, expected() - received);
  }

  /**
   * Frames the wall clock says were due but the sequence numbers say were never sent: ticks
   * the server skipped. Each one delays the rest of the stream by 20 ms.
   */
  long framesNotSent() {
    if (!started) {
      return 0;
    }
    long byClock = Math.round((lastArrivalNanos - firstArrivalNanos) / 20e6) + 1;
    return Math.max(0, byClock - expected());
  }

  void onFrame(boolean audible, boolean silent, boolean echo) {
    frames++;
    if (audible) {
      audibleFrames++;
    }
    if (silent) {
      silentFrames++;
    }
    if (echo) {
      echoFrames++;
    }
  }
}
