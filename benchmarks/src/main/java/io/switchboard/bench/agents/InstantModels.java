package io.switchboard.bench.agents;

import io.switchboard.agent.llm.LanguageModel;
import io.switchboard.agent.llm.LlmChunk;
import io.switchboard.agent.llm.LlmRequest;
import io.switchboard.agent.stt.SpeechToText;
import io.switchboard.agent.stt.SttEvent;
import io.switchboard.agent.stt.SttStream;
import io.switchboard.agent.tts.TextToSpeech;
import io.switchboard.agent.tts.TtsOutput;
import io.switchboard.agent.vad.VadOptions;
import io.switchboard.agent.vad.VadStream;
import io.switchboard.agent.vad.VoiceActivityDetector;
import io.switchboard.media.audio.PcmFrame;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Models that answer at once and record when they were asked and how long they took, so that a
 * turn's latency minus their time is what the framework itself adds.
 */
final class InstantModels {
  private InstantModels() {}

  /** Timestamps (System.nanoTime) of one turn, written by the models on whichever thread runs them. */
  static final class TurnClock {
    volatile long endOfSpeechAt;
    volatile long llmAskedAt;
    volatile long audioReadyAt;
    /** Nanoseconds spent inside the models themselves (not in the framework's callbacks). */
    volatile long modelNanos;

    void reset() {
      endOfSpeechAt = 0;
      llmAskedAt = 0;
      audioReadyAt = 0;
      modelNanos = 0;
    }

    synchronized void addModelTime(long nanos) {
      modelNanos += nanos;
    }
  }

  /**
   * Speech is any frame above {@code thresholdDbfs}; one frame starts speech and one silent frame
   * ends it, so the VAD adds no hangover of its own.
   */
  static VoiceActivityDetector loudnessVad(double thresholdDbfs) {
    double threshold = 32768 * Math.pow(10, thresholdDbfs / 20);
    VadOptions options = new VadOptions(0.5, 0.5, Duration.ofMillis(20), Duration.ofMillis(20), Duration.ZERO);
    return new VoiceActivityDetector() {
      @Override public int sampleRate() { return 16_000; }
      @Override public VadOptions options() { return options; }
      @Override public VadStream open() {
        return frame -> {
          short[] s = frame.samples();
          long sum = 0;
          for (int i = 0; i < frame.length(); i++) {
            sum += (long) s[i] * s[i];
          }
          return Math.sqrt((double) sum / frame.length()) > threshold ? 1f : 0f;
        };
      }
    };
  }

  /** Recognises every segment as {@code text}, delivered from {@code executor} as a real STT would. */
  static SpeechToText stt(String text, Executor executor, TurnClock clock) {
    return new SpeechToText() {
      @Override public int sampleRate() { return 16_000; }
      @Override public boolean interimResults() { return false; }
      @Override public String label() { return "instant-stt"; }
      @Override public SttStream open(Consumer<SttEvent> events) {
        return new SttStream() {
          @Override public void push(PcmFrame frame) {}
          @Override public void endOfSpeech() {
            if (clock != null) {
              clock.endOfSpeechAt = System.nanoTime();
            }
            executor.execute(() -> {
              events.accept(new SttEvent.Final(text, 1.0));
              events.accept(new SttEvent.SegmentDone());
            });
          }
          @Override public void close() {}
        };
      }
    };
  }

  /** Answers every request with {@code reply} as one delta. */
  static LanguageModel llm(String reply, TurnClock clock) {
    return new LanguageModel() {
      @Override public void chat(LlmRequest request, Consumer<LlmChunk> out) {
        long start = System.nanoTime();
        if (clock != null) {
          clock.llmAskedAt = start;
        }
        LlmChunk.TextDelta delta = new LlmChunk.TextDelta(reply);
        if (clock != null) {
          clock.addModelTime(System.nanoTime() - start);
        }
        out.accept(delta); // the framework's time from here on (sentence splitting, TTS hand-off)
      }

      @Override public String label() { return "instant-llm"; }
    };
  }

  /** Speaks every text as {@code audio} (16 kHz), handed over in one piece. */
  static TextToSpeech tts(short[] audio, TurnClock clock) {
    return new TextToSpeech() {
      @Override public int sampleRate() { return 16_000; }
      @Override public String label() { return "instant-tts"; }
      @Override public void synthesize(String text, TtsOutput out) {
        if (clock != null && clock.audioReadyAt == 0) {
          clock.audioReadyAt = System.nanoTime();
        }
        out.audio(audio, 0, audio.length);
      }
    };
  }
}
