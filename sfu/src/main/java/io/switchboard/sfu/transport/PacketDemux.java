package io.switchboard.sfu.transport;

/**
 * Tells apart the protocols multiplexed on one WebRTC 5-tuple by their first byte (RFC 7983 §7),
 * and RTCP from RTP by the packet type in the second byte (RFC 5761 §4):
 *
 * <pre>
 *   [0..3]     STUN          [64..79]   TURN channel
 *   [16..19]   ZRTP          [128..191] RTP or RTCP: RTCP if byte 1 is in [192..223]
 *   [20..63]   DTLS          otherwise  unknown, dropped
 * </pre>
 */
public final class PacketDemux {
  public enum Kind {
    STUN,
    ZRTP,
    DTLS,
    TURN_CHANNEL,
    RTP,
    RTCP,
    UNKNOWN
  }

  /** RTP fixed header (RFC 3550 §5.1). */
  private static final int MIN_RTP = 12;

  /** RTCP header and sender SSRC (RFC 3550 §6.4). */
  private static final int MIN_RTCP = 8;

  private PacketDemux() {}

  public static Kind classify(byte[] buf, int off, int len) {
    if (len < 1) {
      return Kind.UNKNOWN;
    }
    int first = buf[off] & 0xff;
    if (first <= 3) {
      return Kind.STUN;
    }
    if (first >= 16 && first <= 19) {
      return Kind.ZRTP;
    }
    if (first >= 20 && first <= 63) {
      return Kind.DTLS;
    }
    if (first >= 64 && first <= 79) {
      return Kind.TURN_CHANNEL;
    }
    if (first >= 128 && first <= 191 && len >= 2) {
      int second = buf[off + 1] & 0xff;
      if (second >= 192 && second <= 223) {
        return len >= MIN_RTCP ? Kind.RTCP : Kind.UNKNOWN;
      }
      return len >= MIN_RTP ? Kind.RTP : Kind.UNKNOWN;
    }
    return Kind.UNKNOWN;
  }
}
