package io.switchboard.media.net;

import static io.switchboard.media.net.LegPair.await;
import static io.switchboard.media.net.LegPair.sine;
import static org.junit.jupiter.api.Assertions.fail;

import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.codec.g711.G711;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Receive → jitter insert, pop → decode and encode → send over real sockets allocate nothing in
 * steady state. Platform threads here, so the receive thread's allocations can be read. The
 * warm-up runs the very pattern that is measured.
 */
class RtpLegAllocationTest {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final int BATCH = 50;

  private final PcmFrame frame = sine(440, 9000, 0);
  private final PcmFrame played = new PcmFrame(8000);
  private long sendBytes;
  private long playBytes;

  @Test
  void steadyStateMediaPathAllocatesNothing() throws Exception {
    List<Thread> threads = new CopyOnWriteArrayList<>();
    var executor = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "rtp-receive-" + threads.size());
      threads.add(thread);
      return thread;
    });
    try (LegPair pair = new LegPair(LegPair.defaults(), executor)) {
      pair.connect(MediaFormat.ofStatic(G711.PCMU, 101));
      Thread receiveB = threads.get(2); // A's RTP, A's RTCP, then B's RTP
      await(() -> Arrays.stream(receiveB.getStackTrace())
          .anyMatch(f -> f.getMethodName().equals("receiveRtp")), "B's RTP loop to block in receive");

      runBatches(pair, 100); // warm-up
      // JIT tiering can still resolve a constant or deoptimise once in a while; a per-packet
      // allocation, though, would show in every round. So some whole round must be zero.
      List<String> rounds = new java.util.ArrayList<>();
      for (int round = 0; round < 15; round++) {
        sendBytes = 0;
        playBytes = 0;
        long receiveBefore = THREADS.getThreadAllocatedBytes(receiveB.threadId());
        runBatches(pair, 40);
        long receiveBytes = THREADS.getThreadAllocatedBytes(receiveB.threadId()) - receiveBefore;
        rounds.add("send " + sendBytes + " play " + playBytes + " receive " + receiveBytes);
        if (sendBytes == 0 && playBytes == 0 && receiveBytes == 0) {
          return;
        }
      }
      fail("no round of 2000 packets was allocation-free: " + rounds);
    }
  }

  /** Each batch: A sends 50 frames, B receives them all, B plays 50 ticks. */
  private void runBatches(LegPair pair, int batches) {
    for (int batch = 0; batch < batches; batch++) {
      long expected = pair.b.stats().packetsReceived() + BATCH;
      long t0 = THREADS.getCurrentThreadAllocatedBytes();
      for (int i = 0; i < BATCH; i++) {
        pair.clock.advance(LegPair.TICK);
        pair.a.write(frame);
      }
      sendBytes += THREADS.getCurrentThreadAllocatedBytes() - t0;
      await(() -> pair.b.stats().packetsReceived() >= expected, "batch of " + BATCH);
      long t1 = THREADS.getCurrentThreadAllocatedBytes();
      for (int i = 0; i < BATCH; i++) {
        pair.b.read(played);
      }
      playBytes += THREADS.getCurrentThreadAllocatedBytes() - t1;
    }
  }
}
