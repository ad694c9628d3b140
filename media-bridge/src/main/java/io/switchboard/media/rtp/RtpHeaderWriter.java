package io.switchboard.media.rtp;

/** Writes the 12-byte fixed RTP header (RFC 3550 §5.1) without CSRCs, extension or padding. */
public final class RtpHeaderWriter {
  private RtpHeaderWriter() {}

  /**
   * Writes a version-2 header at {@code buf[off]}.
   *
   * @param payloadType 0..127
   * @param sequenceNumber the low 16 bits are written
   * @return the number of bytes written ({@link RtpPacket#FIXED_HEADER_BYTES})
   */
  public static int write(
      byte[] buf, int off, boolean marker, int payloadType, int sequenceNumber, int timestamp,
      int ssrc) {
    if (payloadType < 0 || payloadType > 127) {
      throw new IllegalArgumentException("RTP payload type must be 0..127, got " + payloadType);
    }
    buf[off] = (byte) (RtpPacket.VERSION << 6);
    buf[off + 1] = (byte) ((marker ? 0x80 : 0) | payloadType);
    Bytes.writeU16(buf, off + 2, sequenceNumber);
    Bytes.writeI32(buf, off + 4, timestamp);
    Bytes.writeI32(buf, off + 8, ssrc);
    return RtpPacket.FIXED_HEADER_BYTES;
  }
}
