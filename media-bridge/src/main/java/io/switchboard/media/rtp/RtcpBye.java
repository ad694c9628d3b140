package io.switchboard.media.rtp;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Goodbye, PT 203 (RFC 3550 §6.6). {@code reason} is {@code ""} when absent. */
public record RtcpBye(List<Integer> ssrcs, String reason) implements RtcpPacket {
  public RtcpBye {
    ssrcs = List.copyOf(ssrcs);
    if (ssrcs.size() > MAX_COUNT) {
      throw new IllegalArgumentException("BYE names at most 31 sources, got " + ssrcs.size());
    }
    if (reason.getBytes(StandardCharsets.UTF_8).length > 255) {
      throw new IllegalArgumentException("BYE reason longer than 255 bytes");
    }
  }
}
