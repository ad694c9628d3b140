package io.switchboard.agent.vad;

import io.switchboard.media.audio.PcmFrame;
import java.time.Duration;

/**
 * A voice activity detector from frame energy against a tracked noise floor: a frame scores high
 * when it is {@code marginDb} above the floor and above {@code absoluteDbfs}. No model, no
 * native code; it cannot tell speech from loud steady noise, which Silero can.
 */
public final class EnergyVad implements VoiceActivityDetector {
  /** Defaults: 16 kHz; -50 dBFS absolute threshold; 10 dB above the noise floor. */
  public static final VadOptions DEFAULT_OPTIONS =
      new VadOptions(0.5, 0.35, Duration.ofMillis(60), Duration.ofMillis(550), Duration.ofMillis(500));

  private final int sampleRate;
  private final double absoluteDbfs;
  private final double marginDb;
  private final VadOptions options;

  public EnergyVad(int sampleRate, double absoluteDbfs, double marginDb, VadOptions options) {
    PcmFrame.samplesPerFrame(sampleRate);
    this.sampleRate = sampleRate;
    this.absoluteDbfs = absoluteDbfs;
    this.marginDb = marginDb;
    this.options = options;
  }

  public EnergyVad() {
    this(16_000, -50, 10, DEFAULT_OPTIONS);
  }

  @Override
  public int sampleRate() {
    return sampleRate;
  }

  @Override
  public VadOptions options() {
    return options;
  }

  @Override
  public VadStream open() {
    return new Stream();
  }

  private final class Stream implements VadStream {
    /** Starts high so the first quiet frames set it; it then follows the quietest recent level. */
    private double floorDb = -30;

    @Override
    public float process(PcmFrame frame) {
      if (frame.sampleRate() != sampleRate) {
        throw new IllegalArgumentException("energy VAD at " + sampleRate + " Hz got a frame at " + frame.sampleRate() + " Hz");
      }
      short[] s = frame.samples();
      int n = frame.length();
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += (double) s[i] * s[i];
      }
      double db = 10 * Math.log10(sum / n / (32768.0 * 32768.0) + 1e-12);
      // Falls fast to quiet frames, rises slowly (0.1 dB a frame, 5 dB/s) through speech.
      floorDb = db < floorDb ? db : floorDb + 0.1;
      double threshold = Math.max(absoluteDbfs, floorDb + marginDb);
      return (float) (1 / (1 + Math.exp(-(db - threshold) / 2)));
    }
  }
}
