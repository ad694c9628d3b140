package io.switchboard.sfu.webrtc;

import io.switchboard.media.rtp.RtcpReceiverReport;
import io.switchboard.media.rtp.RtcpWriter;
import io.switchboard.media.rtp.RtpReceiveStatistics;
import java.util.List;

/**
 * Receiver reports (RFC 3550 §6.4.2) about one published audio stream, sent to its publisher
 * every {@code intervalMillis} as packets arrive (a silent stream needs none). Not thread-safe:
 * its owner calls it from the one thread that receives the stream, or under its lock.
 */
final class ReceiverReporter {
  private final RtpSender rtcp;
  private final int ownSsrc;
  private final int clockRate;
  private final long intervalMillis;
  private final byte[] out = new byte[64];
  private RtpReceiveStatistics stats;
  private long lastReportMillis;

  ReceiverReporter(RtpSender rtcp, int ownSsrc, int clockRate, long intervalMillis) {
    this.rtcp = rtcp;
    this.ownSsrc = ownSsrc;
    this.clockRate = clockRate;
    this.intervalMillis = intervalMillis;
  }

  /** Accounts for one packet and reports if the interval has passed. */
  void onPacket(int ssrc, int seq, int timestamp, long nowMillis) {
    if (stats == null || stats.ssrc() != ssrc) {
      stats = new RtpReceiveStatistics(ssrc, clockRate);
      lastReportMillis = nowMillis;
    }
    stats.onPacket(seq, timestamp, nowMillis);
    if (nowMillis - lastReportMillis >= intervalMillis) {
      lastReportMillis = nowMillis;
      // Once per interval: the report's records are not per-packet garbage.
      int n = RtcpWriter.write(new RtcpReceiverReport(ownSsrc, List.of(stats.reportBlock(0, 0))), out, 0);
      rtcp.sendRtp(out, 0, n);
    }
  }
}
