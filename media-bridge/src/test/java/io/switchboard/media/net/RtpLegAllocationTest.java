package io.switchboard.media.net;

import static io.switchboard.media.net.LegPair.await;
import static io.switchboard.media.net.LegPair.sine;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.codec.g711.G711;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Receive → jitter insert, pop → decode and encode → send over real sockets allocate nothing in
 * steady state. Platform threads here, so the receive thread's allocations can be read.
 */
class RtpLegAllocationTest {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

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
      await(() -> java.util.Arrays.stream(receiveB.getStackTrace())
          .anyMatch(f -> f.getMethodName().equals("receiveRtp")), "B's RTP loop to block in receive");
      PcmFrame frame = sine(440, 9000, 0);
      PcmFrame played = new PcmFrame(8000);
      for (int k = 0; k < 3000; k++) {
        pair.sendAToB(frame, played); // warm-up: JIT, lazy JDK internals
      }
      long receiveBefore = THREADS.getThreadAllocatedBytes(receiveB.threadId());
      long sendBytes = 0;
      long playBytes = 0;
      for (int batch = 0; batch < 40; batch++) {
        long expected = pair.b.stats().packetsReceived() + 50;
        long t0 = THREADS.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 50; i++) {
          pair.clock.advance(LegPair.TICK);
          pair.a.write(frame);
        }
        sendBytes += THREADS.getCurrentThreadAllocatedBytes() - t0;
        await(() -> pair.b.stats().packetsReceived() >= expected, "batch " + expected);
        long t1 = THREADS.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 50; i++) {
          pair.b.read(played);
        }
        playBytes += THREADS.getCurrentThreadAllocatedBytes() - t1;
      }
      long receiveBytes = THREADS.getThreadAllocatedBytes(receiveB.threadId()) - receiveBefore;
      assertEquals(0, sendBytes, "encode + packetise + send, 2000 packets");
      assertEquals(0, playBytes, "jitter pop + decode, 2000 frames");
      assertEquals(0, receiveBytes, "receive + parse + latch + jitter insert, 2000 packets");
    }
  }
}
