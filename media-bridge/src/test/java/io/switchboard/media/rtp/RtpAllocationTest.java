package io.switchboard.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class RtpAllocationTest {
  @Test
  void writeParseAndStatisticsAllocateNothing() {
    byte[] buf = new byte[172];
    RtpPacket packet = new RtpPacket();
    RtpReceiveStatistics stats = new RtpReceiveStatistics(7, 8000);
    int[] seq = {0};
    Runnable onePacket =
        () -> {
          int s = seq[0]++;
          RtpHeaderWriter.write(buf, 0, s == 0, 0, s, s * 160, 7);
          if (packet.parse(buf, 0, buf.length) == RtpParseStatus.OK) {
            stats.onPacket(packet.sequenceNumber(), packet.timestamp(), s * 20L);
          }
        };
    for (int i = 0; i < 200_000; i++) {
      onePacket.run(); // warm-up, crossing sequence number wraps so every branch is compiled
    }
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < 100_000; i++) {
      onePacket.run();
    }
    assertEquals(0, threads.getCurrentThreadAllocatedBytes() - before);
  }
}
