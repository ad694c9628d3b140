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
  void interruptedThreadCancelsSynthesis() {
    Thread.currentThread().interrupt();
    assertThrows(InterruptedException.class, () -> tts.synthesize("This sentence is never heard.", (s, o, n) -> {}));
    Thread.interrupted();
  }
}
