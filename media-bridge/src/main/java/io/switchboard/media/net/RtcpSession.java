package io.switchboard.media.net;

import io.switchboard.media.rtp.NtpTime;
import io.switchboard.media.rtp.RtcpBye;
import io.switchboard.media.rtp.RtcpPacket;
import io.switchboard.media.rtp.RtcpParseResult;
import io.switchboard.media.rtp.RtcpParser;
import io.switchboard.media.rtp.RtcpReceiverReport;
import io.switchboard.media.rtp.RtcpReportBlock;
import io.switchboard.media.rtp.RtcpSenderReport;
import io.switchboard.media.rtp.RtcpSourceDescription;
import io.switchboard.media.rtp.RtcpWriter;
import io.switchboard.media.rtp.RtpReceiveStatistics;
import java.util.ArrayList;
import java.util.List;

/**
 * RTCP for one leg (RFC 3550 §6): builds SR or RR + SDES compounds with a report block about
 * the remote's stream, and digests what the remote reports. Runs every few seconds, so it
 * allocates freely. Callers serialise access.
 */
final class RtcpSession {
  private final String cname;
  private final long intervalMillis;

  private long lastReportMillis;
  private boolean haveSenderReport;
  private long lastSenderReportMiddle;
  private long lastSenderReportArrival;
  private RtcpReportBlock remoteReport;

  long sent;
  long received;
  long malformed;

  RtcpSession(String cname, long intervalMillis, long startMillis) {
    this.cname = cname;
    this.intervalMillis = intervalMillis;
    this.lastReportMillis = startMillis;
  }

  boolean due(long nowMillis) {
    return nowMillis - lastReportMillis >= intervalMillis;
  }

  /** Description of our side, as a sender (null if nothing sent yet). */
  record SenderState(int ssrc, long packets, long octets, int rtpTimestamp) {}

  /** Builds the periodic report (optionally followed by a BYE) into {@code out}. */
  int buildReport(
      long nowMillis, int ssrc, SenderState sender, RtpReceiveStatistics remote, String byeReason,
      byte[] out) {
    lastReportMillis = nowMillis;
    List<RtcpReportBlock> blocks = new ArrayList<>(1);
    if (remote != null && remote.expected() > 0) {
      long lsr = haveSenderReport ? lastSenderReportMiddle : 0;
      long dlsr = haveSenderReport ? NtpTime.delayUnits(nowMillis - lastSenderReportArrival) : 0;
      blocks.add(remote.reportBlock(lsr, dlsr));
    }
    List<RtcpPacket> compound = new ArrayList<>(3);
    if (sender != null) {
      compound.add(
          new RtcpSenderReport(
              ssrc,
              NtpTime.fromEpochMillis(nowMillis),
              sender.rtpTimestamp() & 0xFFFF_FFFFL,
              sender.packets() & 0xFFFF_FFFFL,
              sender.octets() & 0xFFFF_FFFFL,
              blocks));
    } else {
      compound.add(new RtcpReceiverReport(ssrc, blocks));
    }
    compound.add(RtcpSourceDescription.of(ssrc, cname));
    if (byeReason != null) {
      compound.add(new RtcpBye(List.of(ssrc), byeReason));
    }
    sent++;
    return RtcpWriter.writeCompound(compound, out, 0);
  }

  /**
   * Digests a compound from the remote.
   *
   * @return the BYE reason if it said goodbye, otherwise null
   */
  String onCompound(byte[] buf, int len, long nowMillis, int ourSsrc) {
    if (!(RtcpParser.parse(buf, 0, len) instanceof RtcpParseResult.Parsed parsed)) {
      malformed++;
      return null;
    }
    received++;
    String bye = null;
    for (RtcpPacket packet : parsed.packets()) {
      switch (packet) {
        case RtcpSenderReport sr -> {
          haveSenderReport = true;
          lastSenderReportMiddle = NtpTime.middle32(sr.ntpTimestamp());
          lastSenderReportArrival = nowMillis;
          noteBlocks(sr.reports(), ourSsrc);
        }
        case RtcpReceiverReport rr -> noteBlocks(rr.reports(), ourSsrc);
        case RtcpBye b -> bye = b.reason();
        case RtcpSourceDescription sdes -> {}
        case io.switchboard.media.rtp.RtcpUnknown unknown -> {}
      }
    }
    return bye;
  }

  private void noteBlocks(List<RtcpReportBlock> blocks, int ourSsrc) {
    for (RtcpReportBlock block : blocks) {
      if (block.ssrc() == ourSsrc) {
        remoteReport = block;
      }
    }
  }

  /** The remote's last report about our stream, or null. */
  RtcpReportBlock remoteReport() {
    return remoteReport;
  }
}
