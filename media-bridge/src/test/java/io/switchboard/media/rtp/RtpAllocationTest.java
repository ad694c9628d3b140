package io.switchboard.media.rtp;

import static io.switchboard.media.jitter.JitterBufferAllocationTest.assertSomeRoundAllocatesNothing;

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
    assertSomeRoundAllocatesNothing(onePacket, 200_000, 50_000);
  }
}
