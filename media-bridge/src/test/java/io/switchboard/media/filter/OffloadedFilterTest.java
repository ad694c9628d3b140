package io.switchboard.media.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.testing.AllocationMeter;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

/**
 * The worker hand-off, driven by a hand-run executor: frames come out a fixed number of frames
 * late, cleaned when the worker finished them in time, as they came when it did not; the caller
 * never waits.
 */
class OffloadedFilterTest {
  /** Negates every sample: easy to tell a filtered frame from a raw one. */
  private static final AudioFilter NEGATE = frame -> {
    for (int i = 0; i < frame.length(); i++) {
      frame.samples()[i] = (short) -frame.samples()[i];
    }
  };

  private static final class HandRun implements Executor {
    final Queue<Runnable> queued = new ArrayDeque<>();
    boolean refuse;

    @Override
    public void execute(Runnable task) {
      if (refuse) {
        throw new RejectedExecutionException("full");
      }
      queued.add(task);
    }

    void runAll() {
      while (!queued.isEmpty()) {
        queued.poll().run();
      }
    }
  }

  private static PcmFrame frameOf(int rate, int value) {
    PcmFrame f = new PcmFrame(rate);
    java.util.Arrays.fill(f.samples(), 0, f.length(), (short) value);
    return f;
  }

  @Test
  void framesComeOutTwoLateAndCleanedWhenTheWorkerKeepsUp() {
    HandRun worker = new HandRun();
    OffloadedFilter filter = new OffloadedFilter(NEGATE, worker, 2);
    for (int n = 0; n < 2; n++) {
      PcmFrame f = frameOf(8000, 100 + n);
      filter.process(f);
      assertEquals(100 + n, f.samples()[0], "filling the pipeline: frame " + n + " goes as it came");
      worker.runAll();
    }
    for (int n = 2; n <= 6; n++) {
      PcmFrame f = frameOf(8000, 100 + n);
      filter.process(f);
      assertEquals(-(100 + n - 2), f.samples()[0], "frame " + n + " carries frame " + (n - 2) + ", cleaned");
      assertEquals(-(100 + n - 2), f.samples()[f.length() - 1]);
      worker.runAll(); // the worker finishes within the tick
    }
    assertEquals(5, filter.cleanedFrames());
    assertEquals(0, filter.uncleanedFrames());
  }

  @Test
  void aWorkerSlowerThanOneFrameIsStillInTimeWithinTwo() {
    HandRun worker = new HandRun();
    OffloadedFilter filter = new OffloadedFilter(NEGATE, worker, 2);
    filter.process(frameOf(8000, 1));
    filter.process(frameOf(8000, 2)); // the worker has not run for frame 1 yet
    worker.runAll(); // cleans 1 and 2, one tick late
    PcmFrame third = frameOf(8000, 3);
    filter.process(third);
    assertEquals(-1, third.samples()[0], "frame 1 made it within the 2-frame allowance");
    assertEquals(1, filter.cleanedFrames());
  }

  @Test
  void aLateWorkerLetsFramesThroughUncleanedAndSkipsWhatHasGoneOut() {
    HandRun worker = new HandRun();
    OffloadedFilter filter = new OffloadedFilter(NEGATE, worker, 1);
    filter.process(frameOf(16000, 1)); // handed to the worker, which does not run yet
    PcmFrame second = frameOf(16000, 2);
    filter.process(second);
    assertEquals(1, second.samples()[0], "the worker was late: frame 1 as it came, one frame late");
    PcmFrame third = frameOf(16000, 3);
    filter.process(third);
    assertEquals(2, third.samples()[0], "frame 2 too");
    assertEquals(1, worker.queued.size(), "one drain at a time, not one job per frame");
    worker.runAll(); // catches up: cleans only frame 3, frames 1 and 2 have gone out
    PcmFrame fourth = frameOf(16000, 4);
    filter.process(fourth);
    assertEquals(-3, fourth.samples()[0], "back in step");
    assertEquals(1, filter.cleanedFrames());
    assertEquals(2, filter.uncleanedFrames());
  }

  @Test
  void aRefusedJobOrAFailingFilterLeavesTheAudioAsItCame() {
    HandRun worker = new HandRun();
    worker.refuse = true;
    OffloadedFilter refused = new OffloadedFilter(NEGATE, worker, 1);
    refused.process(frameOf(8000, 7));
    PcmFrame f = frameOf(8000, 8);
    refused.process(f);
    assertEquals(7, f.samples()[0]);

    HandRun other = new HandRun();
    OffloadedFilter failing = new OffloadedFilter(frame -> {
      throw new IllegalStateException("wasm trap");
    }, other, 1);
    failing.process(frameOf(8000, 1));
    other.runAll();
    PcmFrame g = frameOf(8000, 2);
    failing.process(g);
    assertEquals(1, g.samples()[0], "a failed filter passes the audio");
    assertEquals("wasm trap", failing.failure().getMessage());
    assertTrue(other.queued.isEmpty(), "no more work is handed to a failed filter");
  }

  @Test
  void aRateChangeLetsTheNewRateThroughAtOnce() {
    HandRun worker = new HandRun();
    OffloadedFilter filter = new OffloadedFilter(NEGATE, worker, 1);
    filter.process(frameOf(8000, 5));
    worker.runAll();
    PcmFrame wide = frameOf(16000, 6);
    filter.process(wide);
    assertEquals(16000, wide.sampleRate());
    assertEquals(6, wide.samples()[wide.length() - 1], "the first frame at 16 kHz goes as it came");
    worker.runAll();
    PcmFrame next = frameOf(16000, 7);
    filter.process(next);
    assertEquals(-6, next.samples()[0], "then cleaned, one frame late, at the new rate");
  }

  @Test
  void aPipelineOfNoFramesIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new OffloadedFilter(NEGATE, Runnable::run, 0));
  }

  @Test
  void handingOffAllocatesNothing() {
    Executor direct = Runnable::run; // the worker finishes at once
    OffloadedFilter filter = new OffloadedFilter(NEGATE, direct, 2);
    PcmFrame f = frameOf(8000, 3);
    long bytes = new AllocationMeter().bytesAllocated(2_000, 1_000, () -> filter.process(f));
    assertTrue(bytes < 1_000, "1000 frames allocated " + bytes + " bytes");
  }
}
