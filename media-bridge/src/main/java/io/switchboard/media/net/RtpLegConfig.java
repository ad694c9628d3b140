package io.switchboard.media.net;

import io.switchboard.media.jitter.JitterBufferConfig;
import java.net.InetAddress;
import java.time.Duration;

/**
 * How an {@link RtpLeg} binds and behaves.
 *
 * @param localAddress address to bind RTP and RTCP to
 * @param localPort even RTP port to bind (RTCP binds the next); 0 binds both to ephemeral ports
 * @param jitterBuffer jitter buffer settings; the clock rate follows the negotiated codec
 * @param learningPackets consecutive packets from one address before the leg locks onto it
 * @param learnFromAnyAddress accept and learn from any address during the learning window, not
 *     only the one signalled in SDP (for callers behind NAT)
 * @param learningWindow how long after the remote is (re)set any address may be learned
 * @param initialMediaTimeout silence allowed before the first RTP packet
 * @param mediaTimeout silence allowed once RTP has flowed
 * @param rtcpInterval time between RTCP reports (RFC 3550 §6.2 suggests 5 s)
 * @param cname RTCP canonical name (RFC 3550 §6.5.1)
 */
public record RtpLegConfig(
    InetAddress localAddress,
    int localPort,
    JitterBufferConfig jitterBuffer,
    int learningPackets,
    boolean learnFromAnyAddress,
    Duration learningWindow,
    Duration initialMediaTimeout,
    Duration mediaTimeout,
    Duration rtcpInterval,
    String cname) {
  public RtpLegConfig {
    if (localPort != 0 && (localPort < 2 || localPort > 65534 || localPort % 2 != 0)) {
      throw new IllegalArgumentException("local RTP port must be 0 or an even port below 65535, got " + localPort);
    }
    if (learningPackets < 1) {
      throw new IllegalArgumentException("learning packets must be at least 1, got " + learningPackets);
    }
    for (Duration d : new Duration[] {learningWindow, initialMediaTimeout, mediaTimeout, rtcpInterval}) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("durations must be positive, got " + d);
      }
    }
  }

  /**
   * Ephemeral ports, default jitter buffer, lock after 3 packets from the signalled address or
   * from any address within 2 s, 30 s initial / 15 s media timeout, RTCP every 5 s.
   */
  public static RtpLegConfig defaults(InetAddress localAddress) {
    return new RtpLegConfig(
        localAddress,
        0,
        JitterBufferConfig.defaults(8000),
        3,
        true,
        Duration.ofSeconds(2),
        Duration.ofSeconds(30),
        Duration.ofSeconds(15),
        Duration.ofSeconds(5),
        "switchboard@" + localAddress.getHostAddress());
  }

  public RtpLegConfig withLocalPort(int port) {
    return new RtpLegConfig(localAddress, port, jitterBuffer, learningPackets, learnFromAnyAddress,
        learningWindow, initialMediaTimeout, mediaTimeout, rtcpInterval, cname);
  }

  public RtpLegConfig withLearning(int packets, boolean anyAddress, Duration window) {
    return new RtpLegConfig(localAddress, localPort, jitterBuffer, packets, anyAddress,
        window, initialMediaTimeout, mediaTimeout, rtcpInterval, cname);
  }

  public RtpLegConfig withMediaTimeouts(Duration initial, Duration ongoing) {
    return new RtpLegConfig(localAddress, localPort, jitterBuffer, learningPackets, learnFromAnyAddress,
        learningWindow, initial, ongoing, rtcpInterval, cname);
  }
}
