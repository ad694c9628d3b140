package io.switchboard.agent.pipeline;

import static io.switchboard.agent.pipeline.InterruptionTracker.Action.INTERRUPT;
import static io.switchboard.agent.pipeline.InterruptionTracker.Action.NONE;
import static io.switchboard.agent.pipeline.InterruptionTracker.Action.PAUSE;
import static io.switchboard.agent.pipeline.InterruptionTracker.Action.RESUME;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.agent.InterruptionOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** LiveKit's defaults: 0.5 s (25 frames) of speech to interrupt, 2 s (100 frames) false-interruption timeout. */
class InterruptionTrackerTest {
  private final InterruptionTracker tracker = new InterruptionTracker(InterruptionOptions.DEFAULT);

  @Test
  void userSpeechShorterThanMinDurationDoesNotInterrupt() {
    for (int f = 1; f <= 24; f++) {
      assertEquals(NONE, tracker.frame(true, f), "frame " + f);
    }
    assertEquals(NONE, tracker.frame(true, 0), "backchannel ended after 480 ms");
  }

  @Test
  void pausesOnTheFrameSpeechReachesMinDuration() {
    for (int f = 1; f < 25; f++) {
      tracker.frame(true, f);
    }
    assertEquals(PAUSE, tracker.frame(true, 25));
    assertEquals(NONE, tracker.frame(false, 26), "already paused");
  }

  @Test
  void noInterruptionWhileAgentIsSilentOrSpeechIsUninterruptible() {
    assertEquals(NONE, tracker.frame(false, 100));
  }

  @Test
  void falseInterruptionResumesWhenNoWordsCome() {
    tracker.frame(true, 25);
    tracker.frame(false, 0);
    assertEquals(RESUME, tracker.nothingSaid());
    assertEquals(NONE, tracker.nothingSaid());
  }

  @Test
  void falseInterruptionResumesAfterTheTimeoutOfQuiet() {
    tracker.frame(true, 25);
    int resumedAt = -1;
    for (int f = 1; f <= 150 && resumedAt < 0; f++) {
      if (tracker.frame(false, 0) == RESUME) {
        resumedAt = f;
      }
    }
    // the first quiet frame switches to waiting; then 100 frames (2 s) of quiet
    assertEquals(101, resumedAt);
  }

  @Test
  void speakingAgainRestartsTheTimeout() {
    tracker.frame(true, 25);
    for (int f = 0; f < 80; f++) {
      assertEquals(NONE, tracker.frame(false, 0));
    }
    tracker.frame(false, 30);
    for (int f = 1; f <= 100; f++) {
      assertEquals(NONE, tracker.frame(false, 0), "quiet frame " + f + " after speaking again");
    }
    assertEquals(RESUME, tracker.frame(false, 0));
  }

  @Test
  void aCommittedTurnCutsThePausedSpeech() {
    tracker.frame(true, 25);
    tracker.frame(false, 0);
    assertEquals(INTERRUPT, tracker.turnCommitted());
    assertEquals(NONE, tracker.turnCommitted());
  }

  @Test
  void withoutResumeTheSpeechIsCutAtOnce() {
    var strict = new InterruptionTracker(new InterruptionOptions(true, Duration.ofMillis(200), false, Duration.ofSeconds(2)));
    assertEquals(NONE, strict.frame(true, 9));
    assertEquals(INTERRUPT, strict.frame(true, 10));
  }

  @Test
  void disabledNeverInterrupts() {
    var off = new InterruptionTracker(new InterruptionOptions(false, Duration.ofMillis(500), true, Duration.ofSeconds(2)));
    assertEquals(NONE, off.frame(true, 1000));
  }
}
