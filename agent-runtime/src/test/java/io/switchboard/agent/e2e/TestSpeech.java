package io.switchboard.agent.e2e;

import io.switchboard.agent.stt.SpeechToText;
import io.switchboard.agent.stt.SttEvent;
import io.switchboard.agent.stt.SttStream;
import io.switchboard.agent.tts.TextToSpeech;
import io.switchboard.agent.tts.TtsOutput;
import io.switchboard.media.audio.PcmFrame;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** Model doubles for session tests that drive a real room: the test decides what is heard and said. */
final class TestSpeech {
  private TestSpeech() {}

  /**
   * A recogniser that hears nothing by itself: when the caller's speech ends, it hands its output
   * to {@code heard}, through which the test says what was recognised, and when.
   */
  static SpeechToText toldByTheTest(CompletableFuture<Consumer<SttEvent>> heard) {
    return new SpeechToText() {
      @Override
      public int sampleRate() {
        return 16_000;
      }

      @Override
      public boolean interimResults() {
        return false;
      }

      @Override
      public SttStream open(Consumer<SttEvent> out) {
        return new SttStream() {
          @Override
          public void push(PcmFrame frame) {}

          @Override
          public void endOfSpeech() {
            heard.complete(out);
          }

          @Override
          public void close() {}
        };
      }
    };
  }

  /** A steady 440 Hz tone per sentence, 40 ms of it per character. */
  static final TextToSpeech TONE = new TextToSpeech() {
    @Override
    public int sampleRate() {
      return 16_000;
    }

    @Override
    public void synthesize(String text, TtsOutput out) {
      short[] pcm = new short[text.length() * 640];
      for (int i = 0; i < pcm.length; i++) {
        pcm[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / 16_000.0));
      }
      out.audio(pcm, 0, pcm.length);
    }
  };
}
