package io.switchboard.agent.vad;

/** Scores 20 ms frames for speech. One {@link VadStream} per audio stream (it keeps state). */
public interface VoiceActivityDetector {
  /** The rate frames must have. */
  int sampleRate();

  /** Thresholds and timings suited to this detector's scores. */
  VadOptions options();

  VadStream open();

  default String label() {
    return getClass().getSimpleName();
  }
}
