package io.switchboard.bench.load;

/**
 * What one caller sends: a continuous carrier tone (its partner checks every frame for it) plus,
 * for the first {@link #BURST_FRAMES} frames of every second, a marker tone whose onset the
 * partner timestamps for the one-way latency. Both tones are multiples of 50 Hz, so each 20 ms
 * frame holds whole cycles and the two payloads below can be sent over and over.
 */
record Signal(int carrierHz, int markerHz, byte[] carrierPayload, byte[] markerPayload) {
  static final int SAMPLE_RATE = 8000;
  static final int FRAME_SAMPLES = 160;
  static final int FRAMES_PER_SECOND = 50;
  static final int BURST_FRAMES = 5;
  static final int AMPLITUDE = 6000;

  static Signal of(int carrierHz, int markerHz) {
    for (int hz : new int[] {carrierHz, markerHz}) {
      if (hz % 50 != 0 || hz <= 0 || hz >= SAMPLE_RATE / 2) {
        throw new IllegalArgumentException("tone must be a multiple of 50 Hz below 4000 Hz: " + hz);
      }
    }
    return new Signal(carrierHz, markerHz, payload(carrierHz, 0), payload(carrierHz, markerHz));
  }

  /** The sending side's two roles in a room of two, so each hears a different pair of tones. */
  static Signal forCaller(int indexInPair) {
    return indexInPair == 0 ? of(400, 1000) : of(600, 1400);
  }

  /** Whether frame {@code frameIndex} (counted from the stream's start) carries the marker. */
  static boolean markerFrame(long frameIndex, int phase) {
    return Math.floorMod(frameIndex + phase, FRAMES_PER_SECOND) < BURST_FRAMES;
  }

  /** Whether the frame starts a marker burst. */
  static boolean markerOnset(long frameIndex, int phase) {
    return Math.floorMod(frameIndex + phase, FRAMES_PER_SECOND) == 0;
  }

  private static byte[] payload(int carrierHz, int markerHz) {
    byte[] out = new byte[FRAME_SAMPLES];
    for (int i = 0; i < FRAME_SAMPLES; i++) {
      double t = (double) i / SAMPLE_RATE;
      double v = AMPLITUDE * Math.sin(2 * Math.PI * carrierHz * t);
      if (markerHz > 0) {
        v += AMPLITUDE * Math.sin(2 * Math.PI * markerHz * t);
      }
      out[i] = MuLaw.encode((int) Math.round(v));
    }
    return out;
  }
}
