package io.switchboard.agent.tts;

/** Receives synthesised mono 16-bit PCM at the provider's rate, in chunks of any length. */
@FunctionalInterface
public interface TtsOutput {
  /** The samples are copied before this returns; the array may be reused by the provider. */
  void audio(short[] samples, int offset, int length);
}
