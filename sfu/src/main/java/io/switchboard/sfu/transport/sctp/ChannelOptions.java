package io.switchboard.sfu.transport.sctp;

/**
 * How a data channel delivers (RFC 8831 §6.1, the W3C RTCDataChannelInit subset that reaches the
 * wire).
 *
 * @param ordered whether messages arrive in the order sent
 * @param maxRetransmits retransmissions before a message is given up, or -1 for no limit
 * @param maxPacketLifeTimeMillis how long a message is retransmitted, or -1 for no limit
 * @param protocol the subprotocol name, usually empty
 */
public record ChannelOptions(
    boolean ordered, int maxRetransmits, int maxPacketLifeTimeMillis, String protocol) {
  public ChannelOptions {
    if (maxRetransmits < -1 || maxPacketLifeTimeMillis < -1) {
      throw new IllegalArgumentException(
          "maxRetransmits and maxPacketLifeTime must be >= 0, or -1 for unlimited");
    }
    if (maxRetransmits >= 0 && maxPacketLifeTimeMillis >= 0) {
      throw new IllegalArgumentException(
          "a channel limits retransmissions or lifetime, not both (RFC 8831 §6.1)");
    }
    if (protocol == null) {
      throw new IllegalArgumentException("protocol must not be null; use \"\"");
    }
  }

  /** Ordered and reliable, like LiveKit's {@code _reliable}. */
  public static ChannelOptions reliable() {
    return new ChannelOptions(true, -1, -1, "");
  }

  /** Unordered, never retransmitted, like LiveKit's {@code _lossy}. */
  public static ChannelOptions lossy() {
    return new ChannelOptions(false, 0, -1, "");
  }

  public boolean isReliable() {
    return maxRetransmits < 0 && maxPacketLifeTimeMillis < 0;
  }
}
