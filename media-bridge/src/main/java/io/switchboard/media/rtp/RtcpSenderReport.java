package io.switchboard.media.rtp;

import java.util.List;

/**
 * Sender report, PT 200 (RFC 3550 §6.4.1).
 *
 * @param ntpTimestamp 64-bit NTP wallclock time the report was sent (see {@link NtpTime})
 * @param rtpTimestamp the same instant in the sender's RTP timestamp units (unsigned 32-bit)
 * @param packetCount RTP data packets sent since starting (unsigned 32-bit)
 * @param octetCount payload octets sent since starting (unsigned 32-bit)
 */
public record RtcpSenderReport(
    int ssrc,
    long ntpTimestamp,
    long rtpTimestamp,
    long packetCount,
    long octetCount,
    List<RtcpReportBlock> reports)
    implements RtcpPacket {
  public RtcpSenderReport {
    Unsigned.check32("RTP timestamp", rtpTimestamp);
    Unsigned.check32("sender packet count", packetCount);
    Unsigned.check32("sender octet count", octetCount);
    reports = List.copyOf(reports);
    if (reports.size() > MAX_COUNT) {
      throw new IllegalArgumentException(
          "an SR carries at most 31 report blocks, got " + reports.size());
    }
  }
}
