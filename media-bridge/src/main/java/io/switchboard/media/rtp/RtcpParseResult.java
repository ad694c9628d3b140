package io.switchboard.media.rtp;

import java.util.List;

/** Outcome of parsing a compound RTCP packet. */
public sealed interface RtcpParseResult {
  /** Every packet of the compound, in order. */
  record Parsed(List<RtcpPacket> packets) implements RtcpParseResult {
    public Parsed {
      packets = List.copyOf(packets);
    }
  }

  /** The compound failed the validity checks of RFC 3550 §A.2; {@code reason} says which. */
  record Malformed(String reason) implements RtcpParseResult {}
}
