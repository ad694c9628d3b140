package io.switchboard.media.rtp;

import java.util.List;

/** Receiver report, PT 201 (RFC 3550 §6.4.2). */
public record RtcpReceiverReport(int ssrc, List<RtcpReportBlock> reports) implements RtcpPacket {
  public RtcpReceiverReport {
    reports = List.copyOf(reports);
    if (reports.size() > MAX_COUNT) {
      throw new IllegalArgumentException(
          "an RR carries at most 31 report blocks, got " + reports.size());
    }
  }
}
