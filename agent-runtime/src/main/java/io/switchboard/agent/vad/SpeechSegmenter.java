package io.switchboard.agent.vad;

import io.switchboard.media.audio.PcmFrame;

/**
 * Turns per-frame speech probabilities into speech start and end, with hysteresis: a start needs
 * {@code minSpeech} of frames at or above the activation threshold, an end needs
 * {@code minSilence} of frames below the deactivation threshold. Media thread only; allocates
 * nothing.
 */
public final class SpeechSegmenter {
  /** What a frame changed. */
  public enum Transition {
    NONE,
    STARTED,
    ENDED
  }

  private final double activation;
  private final double deactivation;
  private final int minSpeechFrames;
  private final int minSilenceFrames;
  private boolean speaking;
  private int activeRun;
  private int silenceRun;
  private int speechFrames;

  public SpeechSegmenter(VadOptions options) {
    this.activation = options.activation();
    this.deactivation = options.deactivation();
    this.minSpeechFrames = frames(options.minSpeech().toMillis());
    this.minSilenceFrames = frames(options.minSilence().toMillis());
  }

  /** Whole 20 ms frames covering {@code millis}, at least one. */
  public static int frames(long millis) {
    return (int) Math.max(1, (millis + PcmFrame.DURATION_MS - 1) / PcmFrame.DURATION_MS);
  }

  public Transition update(float probability) {
    if (!speaking) {
      activeRun = probability >= activation ? activeRun + 1 : 0;
      if (activeRun >= minSpeechFrames) {
        speaking = true;
        speechFrames = activeRun;
        silenceRun = 0;
        return Transition.STARTED;
      }
      return Transition.NONE;
    }
    speechFrames++;
    silenceRun = probability < deactivation ? silenceRun + 1 : 0;
    if (silenceRun >= minSilenceFrames) {
      speaking = false;
      activeRun = 0;
      return Transition.ENDED;
    }
    return Transition.NONE;
  }

  public boolean speaking() {
    return speaking;
  }

  /** Frames since the current speech began (its first active frame), 0 when not speaking. */
  public int speechFrames() {
    return speaking ? speechFrames : 0;
  }

  /** The silence that ended the last speech, in frames (it is already past when ENDED is seen). */
  public int minSilenceFrames() {
    return minSilenceFrames;
  }
}
