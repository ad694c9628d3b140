package io.switchboard.agent.stt;

import java.util.function.Consumer;

/** Speech recognition over a stream of 20 ms frames. */
public interface SpeechToText {
  /** The rate frames must have. */
  int sampleRate();

  /** Whether {@link SttEvent.Interim} results are produced while the user speaks. */
  boolean interimResults();

  /** Opens a stream whose results go to {@code events}, on any thread. */
  SttStream open(Consumer<SttEvent> events);

  default String label() {
    return getClass().getSimpleName();
  }
}
