package io.switchboard.media.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.testing.AllocationMeter;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

/**
 * The worker hand-off, driven by a hand-run executor: frames come out one late, cleaned when the
 * worker finished in time, as they came when it did not; the caller never waits.
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
  void framesComeOutOneLateAndCleanedWhenTheWorkerKeepsUp() {
    HandRun worker = new HandRun();
    OffloadedFilter filter = new OffloadedFilter(NEGATE, worker);
    PcmFrame f = frameOf(8000, 100);
    filter.process(f);
    assertEquals(100, f.samples()[0], "the first frame has nothing before it: it goes through as it came");
    for (int n = 1; n <= 5; n++) {
      worker.runAll(); // the worker finishes within the tick
      f = frameOf(8000, 100 + n);
      filter.process(f);
      assertEquals(-(100 + n - 1), f.samples()[0], "frame " + n + " carries the previous frame, cleaned");
      assertEquals(-(100 + n - 1), f.samples()[f.length() - 1]);
    }
    assertEquals(5, filter.cleanedFrames());
    assertEquals(0, filter.uncleanedFrames());
  }

  @Test
  void aLateWorkerLetsFramesThroughUncleanedInsteadOfWaiting() {
    HandRun worker = new HandRun();
    OffloadedFilter filter = new OffloadedFilter(NEGATE, worker);
    filter.process(frameOf(16000, 1)); // handed to the worker, which does not run yet
    PcmFrame second = frameOf(16000, 2);
    filter.process(second);
    assertEquals(1, second.samples()[0], "the worker was late: frame 1 as it came, one frame late");
    assertEquals(1, worker.queued.size(), "frame 2 was not queued behind the busy worker");
    worker.runAll(); // finishes frame 1, too late
    PcmFrame third = frameOf(16000, 3);
    filter.process(third);
    assertEquals(2, third.samples()[0], "frame 2 was never filtered: it goes as it came");
    worker.runAll(); // frame 3, in time
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
    OffloadedFilter refused = new OffloadedFilter(NEGATE, worker);
    refused.process(frameOf(8000, 7));
    PcmFrame f = frameOf(8000, 8);
    refused.process(f);
    assertEquals(7, f.samples()[0]);

    HandRun other = new HandRun();
    OffloadedFilter failing = new OffloadedFilter(frame -> {
      throw new IllegalStateException("wasm trap");
    }, other);
    failing.process(frameOf(8000, 1));
    other.runAll();
    PcmFrame g = frameOf(8000, 2);
    failing.process(g);
    assertEquals(1, g.samples()[0], "a failed filter passes the audio");
    assertEquals("wasm trap", failing.failure().getMessage());
    assertTrue(other.queued.isEmpty(), "no more work is handed to a failed filter");
  }

  @Test
  void aRateChangeRestartsThePipelineAtTheNewRate() {
    HandRun worker = new HandRun();
    OffloadedFilter filter = new OffloadedFilter(NEGATE, worker);
    filter.process(frameOf(8000, 5));
    worker.runAll();
    PcmFrame wide = frameOf(16000, 6);
    filter.process(wide);
    assertEquals(16000, wide.sampleRate());
    assertEquals(6, wide.samples()[wide.length() - 1], "the first frame at 16 kHz goes as it came");
  }

  @Test
  void handingOffAllocatesNothing() {
    Executor direct = Runnable::run; // the worker finishes at once
    OffloadedFilter filter = new OffloadedFilter(NEGATE, direct);
    PcmFrame f = frameOf(8000, 3);
    long bytes = new AllocationMeter().bytesAllocated(2_000, 1_000, () -> filter.process(f));
    assertTrue(bytes < 1_000, "1000 frames allocated " + bytes + " bytes");
  }
}
