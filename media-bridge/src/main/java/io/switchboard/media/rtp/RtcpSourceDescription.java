package io.switchboard.media.rtp;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Source description, PT 202 (RFC 3550 §6.5), reduced to the one item every compound packet
 * needs: CNAME (§6.5.1). Other items are skipped when parsing.
 */
public record RtcpSourceDescription(List<Chunk> chunks) implements RtcpPacket {
  /** One chunk: a source and its canonical name ({@code ""} if the chunk had no CNAME). */
  public record Chunk(int ssrc, String cname) {
    public Chunk {
      if (cname.getBytes(StandardCharsets.UTF_8).length > 255) {
        throw new IllegalArgumentException("CNAME longer than 255 bytes: " + cname);
      }
    }
  }

  public RtcpSourceDescription {
    chunks = List.copyOf(chunks);
    if (chunks.size() > MAX_COUNT) {
      throw new IllegalArgumentException("SDES carries at most 31 chunks, got " + chunks.size());
    }
  }

  public static RtcpSourceDescription of(int ssrc, String cname) {
    return new RtcpSourceDescription(List.of(new Chunk(ssrc, cname)));
  }
}
