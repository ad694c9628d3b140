package io.switchboard.sfu.webrtc;

/**
 * RTCP feedback messages (RFC 4585 §6) that video forwarding needs: generic NACK, PLI, FIR
 * (RFC 5104 §4.3.1) and REMB (draft-alvestrand-rmcat-remb). {@link #walk} visits them in a
 * compound packet without allocating; the writers fill caller-owned buffers.
 */
public final class RtcpFeedback {
  static final int RTPFB = 205;
  static final int PSFB = 206;
  private static final int FMT_NACK = 1;
  private static final int FMT_PLI = 1;
  private static final int FMT_FIR = 4;
  private static final int FMT_AFB = 15;

  /** What a compound packet asks of the sender of {@code mediaSsrc}. */
  public interface Handler {
    /** Generic NACK (RFC 4585 §6.2.1): {@code seq} and those of the set bits of {@code bitmask}. */
    void onNack(int mediaSsrc, int seq, int bitmask);

    /** PLI or FIR: the receiver needs a keyframe. */
    void onKeyframeRequest(int mediaSsrc);
  }

  private RtcpFeedback() {}

  /** Visits the NACK, PLI and FIR messages of a compound RTCP packet; ignores everything else. */
  public static void walk(byte[] buf, int off, int len, Handler handler) {
    int end = off + len;
    int p = off;
    while (p + 4 <= end) {
      int fmt = buf[p] & 0x1F;
      int type = buf[p + 1] & 0xFF;
      int length = (RtpFields.u16(buf, p + 2) + 1) * 4;
      if ((buf[p] & 0xC0) != 0x80 || p + length > end) {
        return; // not RTCP version 2, or truncated: nothing more can be trusted
      }
      if (length >= 12) {
        int mediaSsrc = RtpFields.i32(buf, p + 8);
        if (type == RTPFB && fmt == FMT_NACK) {
          for (int q = p + 12; q + 4 <= p + length; q += 4) {
            handler.onNack(mediaSsrc, RtpFields.u16(buf, q), RtpFields.u16(buf, q + 2));
          }
        } else if (type == PSFB && fmt == FMT_PLI) {
          handler.onKeyframeRequest(mediaSsrc);
        } else if (type == PSFB && fmt == FMT_FIR) {
          // RFC 5104 §4.3.1.1: the media SSRC field is 0; the FCI entries name the sources.
          for (int q = p + 12; q + 8 <= p + length; q += 8) {
            handler.onKeyframeRequest(RtpFields.i32(buf, q));
          }
        }
      }
      p += length;
    }
  }

  /** Writes a PLI (RFC 4585 §6.3.1) from {@code senderSsrc} about {@code mediaSsrc}; 12 bytes. */
  public static int writePli(byte[] buf, int off, int senderSsrc, int mediaSsrc) {
    buf[off] = (byte) (0x80 | FMT_PLI);
    buf[off + 1] = (byte) PSFB;
    RtpFields.putU16(buf, off + 2, 2);
    RtpFields.putI32(buf, off + 4, senderSsrc);
    RtpFields.putI32(buf, off + 8, mediaSsrc);
    return 12;
  }

  /** Writes one generic NACK entry for {@code seq} and {@code bitmask}; 16 bytes. */
  public static int writeNack(byte[] buf, int off, int senderSsrc, int mediaSsrc, int seq, int bitmask) {
    buf[off] = (byte) (0x80 | FMT_NACK);
    buf[off + 1] = (byte) RTPFB;
    RtpFields.putU16(buf, off + 2, 3);
    RtpFields.putI32(buf, off + 4, senderSsrc);
    RtpFields.putI32(buf, off + 8, mediaSsrc);
    RtpFields.putU16(buf, off + 12, seq);
    RtpFields.putU16(buf, off + 14, bitmask);
    return 16;
  }

  /**
   * Writes a REMB (draft-alvestrand-rmcat-remb §2.2) estimating {@code bitsPerSecond} for one
   * SSRC; 24 bytes. The bitrate is a 6-bit exponent and an 18-bit mantissa.
   */
  public static int writeRemb(byte[] buf, int off, int senderSsrc, int ssrc, long bitsPerSecond) {
    int exponent = 0;
    long mantissa = bitsPerSecond;
    while (mantissa > 0x3FFFF) {
      mantissa >>= 1;
      exponent++;
    }
    buf[off] = (byte) (0x80 | FMT_AFB);
    buf[off + 1] = (byte) PSFB;
    RtpFields.putU16(buf, off + 2, 5);
    RtpFields.putI32(buf, off + 4, senderSsrc);
    RtpFields.putI32(buf, off + 8, 0); // media SSRC is unused (RFC 4585 §6.4 AFB)
    buf[off + 12] = 'R';
    buf[off + 13] = 'E';
    buf[off + 14] = 'M';
    buf[off + 15] = 'B';
    buf[off + 16] = 1; // number of SSRCs
    buf[off + 17] = (byte) ((exponent << 2) | (int) (mantissa >>> 16));
    RtpFields.putU16(buf, off + 18, (int) mantissa & 0xFFFF);
    RtpFields.putI32(buf, off + 20, ssrc);
    return 24;
  }

  /** The bitrate a REMB at {@code off} carries (for tests and logs). */
  public static long rembBitrate(byte[] buf, int off) {
    int exponent = (buf[off + 17] & 0xFF) >>> 2;
    long mantissa = ((buf[off + 17] & 0x03L) << 16) | RtpFields.u16(buf, off + 18);
    return mantissa << exponent;
  }
}
