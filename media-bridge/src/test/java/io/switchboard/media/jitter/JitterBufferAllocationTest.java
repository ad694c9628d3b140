package io.switchboard.media.jitter;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The insert/pop path must not allocate: it runs for every packet of every call. */
public class JitterBufferAllocationTest {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  @Test
  void insertAndPopAllocateNothing() {
    JitterBuffer buffer = new JitterBuffer(JitterBufferConfig.defaults(8000));
    byte[] payload = new byte[160];
    int[] seq = {0};
    Runnable tick =
        () -> {
          int s = seq[0]++;
          // Mild reordering, a duplicate and a loss every so often.
          if (s % 50 != 7) {
            buffer.insert(1, s & 0xFFFF, s * 160, payload, 0, 160, s * 20L + (s % 3) * 7);
          }
          if (s % 40 == 0) {
            buffer.insert(1, s & 0xFFFF, s * 160, payload, 0, 160, s * 20L);
          }
          buffer.pop();
        };
    assertSomeRoundAllocatesNothing(tick, 150_000, 100_000);
  }

  @Test
  void theProbeSeesAllocations() {
    Object[] sink = new Object[1];
    long before = THREADS.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < 100; i++) {
      sink[0] = new byte[64];
    }
    assertTrue(THREADS.getCurrentThreadAllocatedBytes() - before >= 6400);
  }

  /**
   * After warm-up, runs rounds until one allocates exactly nothing. A per-call allocation shows
   * in every round; the JIT's occasional one-off (a recompilation resolving a constant) does not.
   */
  public static void assertSomeRoundAllocatesNothing(Runnable action, int warmUp, int perRound) {
    for (int i = 0; i < warmUp; i++) {
      action.run();
    }
    List<Long> rounds = new ArrayList<>();
    for (int round = 0; round < 10; round++) {
      long before = THREADS.getCurrentThreadAllocatedBytes();
      for (int i = 0; i < perRound; i++) {
        action.run();
      }
      long bytes = THREADS.getCurrentThreadAllocatedBytes() - before;
      if (bytes == 0) {
        return;
      }
      rounds.add(bytes);
    }
    fail("every round of " + perRound + " calls allocated: " + rounds + " bytes");
  }
}
