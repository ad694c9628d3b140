package io.switchboard.media.rtp;

/** One RTCP packet of a compound packet (RFC 3550 §6). */
public sealed interface RtcpPacket
    permits RtcpSenderReport,
        RtcpReceiverReport,
        RtcpSourceDescription,
        RtcpBye,
        RtcpUnknown {
  int SENDER_REPORT = 200;
  int RECEIVER_REPORT = 201;
  int SOURCE_DESCRIPTION = 202;
  int BYE = 203;
  /** Most report blocks, sources or chunks one packet can count in its 5-bit count field. */
  int MAX_COUNT = 31;
}
