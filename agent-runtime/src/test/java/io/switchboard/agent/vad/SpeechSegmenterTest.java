package io.switchboard.agent.vad;

import static io.switchboard.agent.vad.SpeechSegmenter.Transition.ENDED;
import static io.switchboard.agent.vad.SpeechSegmenter.Transition.NONE;
import static io.switchboard.agent.vad.SpeechSegmenter.Transition.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SpeechSegmenterTest {
  /** Silero-style thresholds; 60 ms to start (3 frames), 100 ms to end (5 frames). */
  private final SpeechSegmenter seg = new SpeechSegmenter(
      new VadOptions(0.5, 0.35, Duration.ofMillis(60), Duration.ofMillis(100), Duration.ZERO));

  @Test
  void startsAfterMinSpeechAndEndsAfterMinSilence() {
    assertEquals(NONE, seg.update(0.9f));
    assertEquals(NONE, seg.update(0.9f));
    assertEquals(STARTED, seg.update(0.9f));
    assertEquals(3, seg.speechFrames(), "speech is counted from its first active frame");
    for (int i = 0; i < 4; i++) {
      assertEquals(NONE, seg.update(0.1f));
    }
    assertEquals(ENDED, seg.update(0.1f));
    assertEquals(0, seg.speechFrames());
  }

  @Test
  void aBlipShorterThanMinSpeechIsIgnored() {
    seg.update(0.9f);
    seg.update(0.9f);
    assertEquals(NONE, seg.update(0.2f));
    assertEquals(NONE, seg.update(0.9f));
    assertEquals(NONE, seg.update(0.9f));
    assertEquals(STARTED, seg.update(0.9f));
  }

  @Test
  void hysteresisKeepsSpeechBetweenTheThresholds() {
    seg.update(0.9f);
    seg.update(0.9f);
    seg.update(0.9f);
    for (int i = 0; i < 50; i++) {
      assertEquals(NONE, seg.update(0.4f), "0.4 is below activation but above deactivation");
    }
    assertEquals(53, seg.speechFrames());
  }

  @Test
  void aShortPauseDoesNotEndSpeech() {
    seg.update(0.9f);
    seg.update(0.9f);
    seg.update(0.9f);
    for (int i = 0; i < 4; i++) {
      seg.update(0.0f);
    }
    assertEquals(NONE, seg.update(0.8f));
    for (int i = 0; i < 4; i++) {
      assertEquals(NONE, seg.update(0.0f));
    }
    assertEquals(ENDED, seg.update(0.0f));
  }
}
