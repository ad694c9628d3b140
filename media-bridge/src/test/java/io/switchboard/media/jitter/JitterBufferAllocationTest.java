package io.switchboard.media.jitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** The insert/pop path must not allocate: it runs for every packet of every call. */
class JitterBufferAllocationTest {
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
    for (int i = 0; i < 150_000; i++) {
      tick.run(); // warm up past a sequence wrap so every branch is compiled
    }
    assertEquals(0, allocatedBytesDuring(tick, 100_000));
  }

  @Test
  void theProbeSeesAllocations() {
    Object[] sink = new Object[1];
    assertTrue(allocatedBytesDuring(() -> sink[0] = new byte[64], 100) >= 6400);
  }

  static long allocatedBytesDuring(Runnable action, int times) {
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < times; i++) {
      action.run();
    }
    return threads.getCurrentThreadAllocatedBytes() - before;
  }
}
