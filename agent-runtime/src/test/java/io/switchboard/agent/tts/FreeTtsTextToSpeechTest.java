package io.switchboard.agent.tts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.agent.tts.freetts.FreeTtsTextToSpeech;
import io.switchboard.media.testing.PcmRecorder;
import io.switchboard.media.testing.SignalMetrics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FreeTtsTextToSpeechTest {
  private static FreeTtsTextToSpeech tts;

  @BeforeAll
  static void load() {
    tts = new FreeTtsTextToSpeech();
  }

  @AfterAll
  static void unload() {
    tts.close();
  }

  @Test
  void synthesisesSpeechAt16kHzInSeveralChunks() throws Exception {
    PcmRecorder recorder = new PcmRecorder(16_000);
    int[] chunks = {0};
    tts.synthesize("What are your opening hours?", (s, o, n) -> {
      chunks[0]++;
      recorder.append(s, o, n);
    });
    short[] pcm = recorder.samples();
    double seconds = pcm.length / 16_000.0;
    // Five words at 150 words per minute: about two seconds.
    assertTrue(seconds > 1.0 && seconds < 3.5, "duration " + seconds + " s");
    assertTrue(chunks[0] > 1, "audio streams in chunks, got " + chunks[0]);
    double dbfs = SignalMetrics.rmsDbfs(pcm, 0, pcm.length);
    assertTrue(dbfs > -35 && dbfs < -3, "speech level " + dbfs + " dBFS");
    assertEquals(16_000, tts.sampleRate());
  }

  @Test
  void twoVoicesSpeakAtOnceAndSayExactlyWhatOneVoiceSays() throws Exception {
    String text = "Your table is booked for eight.";
    PcmRecorder alone = new PcmRecorder(16_000);
    tts.synthesize(text, alone::append);

    java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
    try (FreeTtsTextToSpeech two = new FreeTtsTextToSpeech(150f, 2, threads)) {
      assertEquals(1, two.voices(), "the second voice is made only when needed");
      // Each synthesis, on its first audio, waits until the other has produced audio too: with
      // one voice the second could not start before the first ended, and both would give up.
      java.util.concurrent.CountDownLatch bothSpeaking = new java.util.concurrent.CountDownLatch(2);
      java.util.List<java.util.concurrent.Future<short[]>> results = new java.util.ArrayList<>();
      for (int i = 0; i < 2; i++) {
        results.add(threads.submit(() -> {
          PcmRecorder heard = new PcmRecorder(16_000);
          boolean[] first = {true};
          two.synthesize(text, (samples, offset, length) -> {
            if (first[0]) {
              first[0] = false;
              bothSpeaking.countDown();
              try {
                if (!bothSpeaking.await(60, java.util.concurrent.TimeUnit.SECONDS)) {
                  throw new IllegalStateException("the other synthesis never started while this one ran");
                }
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            }
            heard.append(samples, offset, length);
          });
          return heard.samples();
        }));
      }
      for (var result : results) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(alone.samples(), result.get(120, java.util.concurrent.TimeUnit.SECONDS),
            "a voice of its own per synthesis, no mixing");
      }
      assertEquals(2, two.voices());
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void interruptedThreadCancelsSynthesis() {
    Thread.currentThread().interrupt();
    assertThrows(InterruptedException.class, () -> tts.synthesize("This sentence is never heard.", (s, o, n) -> {}));
    Thread.interrupted();
  }

  @Test
  void anOutputThatFailsFailsThatSynthesisButNotTheNextOne() throws Exception {
    IllegalStateException refused = new IllegalStateException("speech audio is already complete");
    int[] calls = {0};
    IllegalStateException thrown = assertThrows(IllegalStateException.class,
        () -> tts.synthesize("This reply was cut off by the caller.", (s, o, n) -> {
          if (++calls[0] == 2) {
            throw refused;
          }
        }));
    assertEquals(refused, thrown, "the output's own failure reaches the caller");

    PcmRecorder recorder = new PcmRecorder(16_000);
    tts.synthesize("Still speaking.", recorder::append);
    assertTrue(recorder.samples().length > 8_000, "the voice still works after an output failed");
  }
}
