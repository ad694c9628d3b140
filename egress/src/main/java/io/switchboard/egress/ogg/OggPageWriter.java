package io.switchboard.egress.ogg;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/**
 * Writes one logical Ogg bitstream (RFC 3533) page by page. Packets are gathered into the current
 * page and written when {@link #flush} is called or the page's 255 lacing values are used up; a
 * packet never spans pages. Every page is self-delimiting and checksummed, so a file cut short by
 * a crash is readable up to its last whole page. Reuses one page buffer: allocates nothing per packet.
 */
public final class OggPageWriter {
  /** RFC 3533 §6: header_type flags. */
  static final int BEGINNING_OF_STREAM = 0x02;

  static final int END_OF_STREAM = 0x04;
  private static final int HEADER = 27;
  private static final int MAX_SEGMENTS = 255;

  private final WritableByteChannel out;
  private final int serial;
  private final byte[] page = new byte[HEADER + MAX_SEGMENTS + MAX_SEGMENTS * 255];
  private final byte[] body = new byte[MAX_SEGMENTS * 255];
  private final ByteBuffer header = ByteBuffer.wrap(page).order(java.nio.ByteOrder.LITTLE_ENDIAN);
  private final ByteBuffer whole = ByteBuffer.wrap(page);
  private int segments;
  private int bodyLength;
  private long granule;
  private int sequence;
  private boolean first = true;
  private long bytesWritten;

  public OggPageWriter(WritableByteChannel out, int serial) {
    this.out = out;
    this.serial = serial;
  }

  /** Lacing values a packet of {@code length} bytes needs (RFC 3533 §5: a last value below 255 ends it). */
  static int segmentsFor(int length) {
    return length / 255 + 1;
  }

  /**
   * Adds a packet to the current page.
   *
   * @param granuleAfter the granule position once this packet is decoded (for Opus: 48 kHz samples
   *     including pre-skip, RFC 7845 §4)
   */
  public void packet(byte[] data, int length, long granuleAfter) throws IOException {
    int needed = segmentsFor(length);
    if (needed > MAX_SEGMENTS) {
      throw new IllegalArgumentException("packet of " + length + " bytes is too long for one Ogg page");
    }
    if (segments + needed > MAX_SEGMENTS) {
      flush(false);
    }
    int remaining = length;
    while (remaining >= 255) {
      page[HEADER + segments++] = (byte) 255;
      remaining -= 255;
    }
    page[HEADER + segments++] = (byte) remaining;
    System.arraycopy(data, 0, body, bodyLength, length);
    bodyLength += length;
    granule = granuleAfter;
  }

  /** Writes the gathered packets as one page (nothing if there are none, unless it ends the stream). */
  public void flush(boolean endOfStream) throws IOException {
    if (segments == 0 && !endOfStream) {
      return;
    }
    int flags = (first ? BEGINNING_OF_STREAM : 0) | (endOfStream ? END_OF_STREAM : 0);
    header.put(0, (byte) 'O').put(1, (byte) 'g').put(2, (byte) 'g').put(3, (byte) 'S');
    header.put(4, (byte) 0).put(5, (byte) flags).putLong(6, granule).putInt(14, serial).putInt(18, sequence++);
    header.putInt(22, 0).put(26, (byte) segments);
    int length = HEADER + segments + bodyLength;
    System.arraycopy(body, 0, page, HEADER + segments, bodyLength);
    header.putInt(22, OggCrc.of(page, 0, length));
    whole.clear().limit(length);
    while (whole.hasRemaining()) {
      out.write(whole);
    }
    bytesWritten += length;
    first = false;
    segments = 0;
    bodyLength = 0;
  }

  public long bytesWritten() {
    return bytesWritten;
  }
}
