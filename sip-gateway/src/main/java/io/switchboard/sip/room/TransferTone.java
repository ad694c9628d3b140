package io.switchboard.sip.room;

import io.switchboard.media.audio.PcmFrame;

/**
 * What a caller hears while being transferred with {@code play_dialtone}, instead of the room:
 * the ETSI ringing tone LiveKit plays there, 425 Hz, 1 s on and 4 s off (ETSI TR 101 041-2),
 * at -12 dBFS, for inbound and outbound legs alike. One per transfer; {@link #next} runs on the media thread and allocates nothing.
 */
public final class TransferTone {
  public static final double FREQUENCY = 425;
  private static final int ON_MS = 1000;
  private static final int CYCLE_MS = 5000;
  private static final double PEAK = 0.25 * Short.MAX_VALUE;

  private final PcmFrame frame;
  private long elapsedMs;
  private double phase;

  public TransferTone(int sampleRate) {
    this.frame = new PcmFrame(sampleRate);
  }

  /** The next 20 ms of the tone at {@code sampleRate}. */
  public PcmFrame next(int sampleRate) {
    if (frame.sampleRate() != sampleRate) {
      frame.setSampleRate(sampleRate);
    }
    short[] out = frame.samples();
    int n = frame.length();
    if (elapsedMs % CYCLE_MS < ON_MS) {
      double step = 2 * Math.PI * FREQUENCY / sampleRate;
      for (int i = 0; i < n; i++) {
        out[i] = (short) Math.round(PEAK * Math.sin(phase));
        phase += step;
      }
      phase %= 2 * Math.PI;
    } else {
      java.util.Arrays.fill(out, 0, n, (short) 0);
    }
    elapsedMs += PcmFrame.DURATION_MS;
    return frame;
  }
}
