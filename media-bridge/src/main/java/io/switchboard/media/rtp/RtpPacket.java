package io.switchboard.media.rtp;

/**
 * A reusable, allocation-free view of one RTP packet in a {@code (byte[], offset, length)} region
 * (RFC 3550 §5.1). {@link #parse} validates the fixed header, skips the CSRC list, the header
 * extension (§5.3.1) and the padding (P bit), and records where the payload is.
 *
 * <p>32-bit fields (timestamp, SSRC) are returned as raw {@code int}s: compare timestamps with
 * wrap-around subtraction, print SSRCs with {@link Integer#toUnsignedString(int)}.
 */
public final class RtpPacket {
  /** Size of the fixed header without CSRCs. */
  public static final int FIXED_HEADER_BYTES = 12;
  /** The only RTP version in use (RFC 3550). */
  public static final int VERSION = 2;

  private byte[] buffer;
  private int offset;
  private int length;
  private boolean padding;
  private boolean extension;
  private int csrcCount;
  private boolean marker;
  private int payloadType;
  private int sequenceNumber;
  private int timestamp;
  private int ssrc;
  private int extensionProfile;
  private int extensionOffset;
  private int extensionLength;
  private int payloadOffset;
  private int payloadLength;
  private int paddingLength;

  /**
   * Parses the packet in {@code buf[off, off + len)}. On {@link RtpParseStatus#OK} the
   * accessors describe the packet; on any other status their values are unspecified.
   */
  public RtpParseStatus parse(byte[] buf, int off, int len) {
    this.buffer = buf;
    this.offset = off;
    this.length = len;
    if (len < FIXED_HEADER_BYTES) {
      return RtpParseStatus.TOO_SHORT;
    }
    int b0 = buf[off] & 0xFF;
    if ((b0 >>> 6) != VERSION) {
      return RtpParseStatus.BAD_VERSION;
    }
    padding = (b0 & 0x20) != 0;
    extension = (b0 & 0x10) != 0;
    csrcCount = b0 & 0x0F;
    int b1 = buf[off + 1] & 0xFF;
    marker = (b1 & 0x80) != 0;
    payloadType = b1 & 0x7F;
    sequenceNumber = Bytes.readU16(buf, off + 2);
    timestamp = Bytes.readI32(buf, off + 4);
    ssrc = Bytes.readI32(buf, off + 8);

    int cursor = FIXED_HEADER_BYTES + 4 * csrcCount;
    if (cursor > len) {
      return RtpParseStatus.TRUNCATED_CSRC;
    }
    extensionProfile = 0;
    extensionOffset = off + cursor;
    extensionLength = 0;
    if (extension) {
      // §5.3.1: 16-bit profile, 16-bit length in 32-bit words, then the extension data.
      if (cursor + 4 > len) {
        return RtpParseStatus.TRUNCATED_EXTENSION;
      }
      extensionProfile = Bytes.readU16(buf, off + cursor);
      extensionLength = 4 * Bytes.readU16(buf, off + cursor + 2);
      extensionOffset = off + cursor + 4;
      cursor += 4 + extensionLength;
      if (cursor > len) {
        return RtpParseStatus.TRUNCATED_EXTENSION;
      }
    }
    paddingLength = 0;
    if (padding) {
      // The last octet counts the padding octets, itself included.
      paddingLength = buf[off + len - 1] & 0xFF;
      if (paddingLength == 0 || cursor + paddingLength > len) {
        return RtpParseStatus.BAD_PADDING;
      }
    }
    payloadOffset = off + cursor;
    payloadLength = len - cursor - paddingLength;
    return RtpParseStatus.OK;
  }

  public byte[] buffer() {
    return buffer;
  }

  /** Offset of the packet's first byte in {@link #buffer()}. */
  public int offset() {
    return offset;
  }

  /** Length of the whole packet, headers and padding included. */
  public int length() {
    return length;
  }

  public boolean padding() {
    return padding;
  }

  public boolean extension() {
    return extension;
  }

  public int csrcCount() {
    return csrcCount;
  }

  /** The i-th contributing source, {@code 0 <= i < csrcCount()}. */
  public int csrc(int i) {
    if (i < 0 || i >= csrcCount) {
      throw new IndexOutOfBoundsException("CSRC index " + i + " of " + csrcCount);
    }
    return Bytes.readI32(buffer, offset + FIXED_HEADER_BYTES + 4 * i);
  }

  public boolean marker() {
    return marker;
  }

  public int payloadType() {
    return payloadType;
  }

  /** The 16-bit sequence number, 0..65535. */
  public int sequenceNumber() {
    return sequenceNumber;
  }

  /** The raw 32-bit RTP timestamp. */
  public int timestamp() {
    return timestamp;
  }

  /** The raw 32-bit synchronisation source. */
  public int ssrc() {
    return ssrc;
  }

  /** The "defined by profile" field of the header extension, 0 without an extension. */
  public int extensionProfile() {
    return extensionProfile;
  }

  /** Offset of the extension data (after its 4-byte header) in {@link #buffer()}. */
  public int extensionOffset() {
    return extensionOffset;
  }

  /** Length of the extension data in bytes, 0 without an extension. */
  public int extensionLength() {
    return extensionLength;
  }

  public int payloadOffset() {
    return payloadOffset;
  }

  public int payloadLength() {
    return payloadLength;
  }

  /** Padding octets at the end of the packet (count octet included), 0 without padding. */
  public int paddingLength() {
    return paddingLength;
  }
}
