package io.switchboard.sfu.transport.sctp;

/**
 * @param port our and the peer's SCTP port ({@code a=sctp-port}, 5000 in WebRTC)
 * @param mtu largest SCTP packet; 1200 fits in a DTLS record on any path WebRTC uses
 * @param receiveWindow bytes we buffer for the peer (advertised as a_rwnd)
 * @param maxMessageSize largest message we accept ({@code a=max-message-size}) and send
 * @param streams inbound and outbound streams we allow, so data channel ids below this
 * @param sendBufferChunks chunks queued or unacknowledged at most; a power of two
 * @param rtoInitialMillis RTO before the first RTT sample (RFC 9260 §16: 1 s)
 * @param rtoMinMillis lower RTO bound; below the RFC's 1 s as browsers' stacks do
 * @param rtoMaxMillis upper RTO bound
 * @param maxInitRetransmits INIT and COOKIE ECHO attempts before giving up (§16: 8)
 * @param maxRetransmits consecutive T3 expiries before the association fails (§16: 10)
 * @param cookieLifetimeMillis how long a state cookie we issued stays valid (§16: 60 s)
 */
public record SctpConfig(
    int port,
    int mtu,
    int receiveWindow,
    int maxMessageSize,
    int streams,
    int sendBufferChunks,
    long rtoInitialMillis,
    long rtoMinMillis,
    long rtoMaxMillis,
    int maxInitRetransmits,
    int maxRetransmits,
    long cookieLifetimeMillis) {
  public SctpConfig {
    if (port < 1 || port > 0xffff) {
      throw new IllegalArgumentException("SCTP port must be 1 to 65535, got " + port);
    }
    if (mtu < 256 || mtu > 65535) {
      throw new IllegalArgumentException("SCTP MTU must be 256 to 65535 bytes, got " + mtu);
    }
    if (streams < 1 || streams > 65535) {
      throw new IllegalArgumentException("streams must be 1 to 65535, got " + streams);
    }
    if (Integer.bitCount(sendBufferChunks) != 1) {
      throw new IllegalArgumentException(
          "sendBufferChunks must be a power of two, got " + sendBufferChunks);
    }
    if (maxMessageSize < 1 || receiveWindow < maxMessageSize) {
      throw new IllegalArgumentException(
          "need 0 < maxMessageSize <= receiveWindow, got " + maxMessageSize + " and " + receiveWindow);
    }
    if (rtoMinMillis < 1 || rtoMinMillis > rtoInitialMillis || rtoInitialMillis > rtoMaxMillis) {
      throw new IllegalArgumentException("need 1 <= rtoMin <= rtoInitial <= rtoMax");
    }
  }

  /** Port 5000, MTU 1200, 1 MiB window, 256 KiB messages, 1024 streams, RTO 1 s (200 ms to 10 s). */
  public static SctpConfig defaults() {
    return new SctpConfig(5000, 1200, 1 << 20, 256 * 1024, 1024, 8192, 1000, 200, 10_000, 8, 10,
        60_000);
  }
}
