package io.switchboard.media.jitter;

/**
 * Measures how late packets arrive relative to the earliest one over a sliding window of
 * {@value #WINDOW_PACKETS} packets (about 2 s), and derives the playout delay that would have
 * held every one of them: {@code 1 frame + ceil(spread / 20 ms)}, clamped to the configured
 * window. Also keeps the RFC 3550 §A.8 smoothed jitter for reporting. Allocation-free.
 */
final class DelayEstimator {
  static final int WINDOW_PACKETS = 100;

  private final long[] transits = new long[WINDOW_PACKETS];
  private final int clockRate;
  private int count;
  private int next;
  private boolean haveReference;
  private long referenceArrival;
  private int referenceTimestamp;
  private long lastTransit;
  private double jitterMillis;

  DelayEstimator(int clockRate) {
    this.clockRate = clockRate;
  }

  /** Forgets the window (the timestamp base changed), keeps the reported jitter. */
  void restart() {
    count = 0;
    next = 0;
    haveReference = false;
  }

  void onPacket(int timestamp, long arrivalMillis) {
    if (!haveReference) {
      haveReference = true;
      referenceArrival = arrivalMillis;
      referenceTimestamp = timestamp;
      lastTransit = 0;
    }
    long mediaMillis = (long) (timestamp - referenceTimestamp) * 1000 / clockRate;
    long transit = (arrivalMillis - referenceArrival) - mediaMillis;
    if (count > 0) {
      jitterMillis += (Math.abs(transit - lastTransit) - jitterMillis) / 16.0;
    }
    lastTransit = transit;
    transits[next] = transit;
    next = (next + 1) % WINDOW_PACKETS;
    count = Math.min(count + 1, WINDOW_PACKETS);
  }

  /** Latest minus earliest relative transit in the window, in milliseconds. */
  long spreadMillis() {
    if (count == 0) {
      return 0;
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < count; i++) {
      min = Math.min(min, transits[i]);
      max = Math.max(max, transits[i]);
    }
    return max - min;
  }

  /** The delay in frames that covers the measured spread. */
  int targetFrames(int minFrames, int maxFrames) {
    long frames = 1 + Math.ceilDiv(spreadMillis(), JitterBufferConfig.FRAME_MILLIS);
    return Math.clamp(frames, minFrames, maxFrames);
  }

  double jitterMillis() {
    return jitterMillis;
  }
}
