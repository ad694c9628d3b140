package io.switchboard.agent.vad;

import java.time.Duration;

/**
 * How speech probabilities become speech segments. Speech starts after {@code minSpeech} of
 * frames at or above {@code activation}; it ends after {@code minSilence} of frames below
 * {@code deactivation}. {@code prefixPadding} of audio before the start goes to the STT too.
 * LiveKit's Silero defaults: activation 0.5, deactivation 0.35, min speech 0.05 s, min silence
 * 0.55 s, prefix 0.5 s.
 */
public record VadOptions(
    double activation, double deactivation, Duration minSpeech, Duration minSilence, Duration prefixPadding) {

  public static final VadOptions SILERO =
      new VadOptions(0.5, 0.35, Duration.ofMillis(50), Duration.ofMillis(550), Duration.ofMillis(500));

  public VadOptions {
    if (!(activation > 0 && activation <= 1)) {
      throw new IllegalArgumentException("VAD activation threshold must be in (0, 1]: " + activation);
    }
    if (!(deactivation >= 0 && deactivation <= activation)) {
      throw new IllegalArgumentException(
          "VAD deactivation threshold must be in [0, activation=" + activation + "]: " + deactivation);
    }
    requireNonNegative("min speech", minSpeech);
    requireNonNegative("min silence", minSilence);
    requireNonNegative("prefix padding", prefixPadding);
  }

  private static void requireNonNegative(String what, Duration d) {
    if (d == null || d.isNegative()) {
      throw new IllegalArgumentException("VAD " + what + " must be a non-negative duration: " + d);
    }
  }
}
