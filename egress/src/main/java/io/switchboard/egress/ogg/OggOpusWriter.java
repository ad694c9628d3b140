package io.switchboard.egress.ogg;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * An Ogg Opus stream (RFC 7845): the identification header (OpusHead) alone on the first page, the
 * comment header (OpusTags) on the second, then 20 ms audio packets. Granule positions count 48 kHz
 * samples decoded, pre-skip included (§4), so after k packets it is k × 960. The encoder delays
 * audio by the pre-skip; one trailing packet flushes that out, and the last page's granule
 * (pre-skip + k × 960) trims the stream to exactly the audio that was given (§4.4).
 */
public final class OggOpusWriter {
  /** Samples per 20 ms packet at 48 kHz. */
  public static final int PACKET_SAMPLES = 960;

  private final OggPageWriter pages;
  private final int preSkip;
  private long packets;

  public OggOpusWriter(
      WritableByteChannel out, int serial, int channels, int preSkip, int inputRate, String vendor, List<String> comments)
      throws IOException {
    this.pages = new OggPageWriter(out, serial);
    this.preSkip = preSkip;
    byte[] head = opusHead(channels, preSkip, inputRate);
    pages.packet(head, head.length, 0);
    pages.flush(false);
    byte[] tags = opusTags(vendor, comments);
    pages.packet(tags, tags.length, 0);
    pages.flush(false);
  }

  /** RFC 7845 §5.1: version 1, channel mapping family 0 (mono or stereo, no mapping table). */
  static byte[] opusHead(int channels, int preSkip, int inputRate) {
    ByteBuffer b = ByteBuffer.allocate(19).order(ByteOrder.LITTLE_ENDIAN);
    b.put("OpusHead".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) channels);
    b.putShort((short) preSkip).putInt(inputRate).putShort((short) 0).put((byte) 0);
    return b.array();
  }

  /** RFC 7845 §5.2: vendor string and "NAME=value" comments, lengths little-endian. */
  static byte[] opusTags(String vendor, List<String> comments) {
    byte[] v = vendor.getBytes(StandardCharsets.UTF_8);
    List<byte[]> cs = comments.stream().map(c -> c.getBytes(StandardCharsets.UTF_8)).toList();
    int size = 8 + 4 + v.length + 4 + cs.stream().mapToInt(c -> 4 + c.length).sum();
    ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    b.put("OpusTags".getBytes(StandardCharsets.US_ASCII)).putInt(v.length).put(v).putInt(cs.size());
    cs.forEach(c -> b.putInt(c.length).put(c));
    return b.array();
  }

  /** Adds one 20 ms packet. */
  public void packet(byte[] data, int length) throws IOException {
    packets++;
    pages.packet(data, length, packets * PACKET_SAMPLES);
  }

  /** Writes the packets gathered so far as a page, so they survive a crash. */
  public void flush() throws IOException {
    pages.flush(false);
  }

  /**
   * Ends the stream: {@code trailer} (the encoder's last, lookahead-flushing packet of silence) goes
   * on the last page, whose granule position ends decoding exactly after the audio packets.
   */
  public void finish(byte[] trailer, int length) throws IOException {
    pages.packet(trailer, length, preSkip + packets * PACKET_SAMPLES);
    pages.flush(true);
  }

  /** Audio packets written (excluding the trailer). */
  public long packets() {
    return packets;
  }

  public long bytesWritten() {
    return pages.bytesWritten();
  }
}
