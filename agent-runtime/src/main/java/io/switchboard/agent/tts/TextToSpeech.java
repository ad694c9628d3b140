package io.switchboard.agent.tts;

/** Speech synthesis that streams audio as it is produced. */
public interface TextToSpeech {
  /** The rate of the audio given to {@link TtsOutput}. */
  int sampleRate();

  /**
   * Synthesises {@code text} into {@code out}, returning when done. Blocking; runs on a session's
   * virtual thread. Interrupting the thread cancels: the provider stops and throws
   * {@link InterruptedException}.
   */
  void synthesize(String text, TtsOutput out) throws InterruptedException;

  default String label() {
    return getClass().getSimpleName();
  }
}
