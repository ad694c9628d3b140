package io.switchboard.sip.transport;

import java.time.Duration;
import java.util.Objects;

/**
 * How the SIP stack listens and protects itself. JAIN-SIP ships with every protective limit
 * off; these defaults switch them on (see reliability-and-performance notes §2.3).
 *
 * @param bindAddress the address to listen on (UDP and TCP, same port)
 * @param port 0 picks a free port (tests); {@link JainSipStack#udpPort()} reports it
 * @param externalAddress the address peers reach us at, for Contact and SDP behind NAT; null means bindAddress
 * @param serverName the Server header value
 * @param maxMessageSize bytes; caps what a TCP peer can make us buffer
 * @param readTimeout between reads of one TCP message: stops slowloris starvation
 * @param maxServerTransactions above this, new requests are dropped (80% low-water mark)
 * @param threadPoolSize stack threads that parse and deliver UDP messages; they share one queue, so
 *     more than one can deliver a call's messages out of order (an ACK overtaken by its BYE)
 * @param maxInviteTransactionLifetime must exceed the longest ringing time plus 32 s
 * @param maxNonInviteTransactionLifetime leak guard for other transactions
 * @param udpBufferSize socket buffers; the 8 KB default overflows into retransmission storms
 * @param maxConnections simultaneous TCP connections (each costs a reader thread in the stack)
 */
public record SipStackConfig(
    String bindAddress,
    int port,
    String externalAddress,
    String serverName,
    int maxMessageSize,
    Duration readTimeout,
    int maxServerTransactions,
    int threadPoolSize,
    Duration maxInviteTransactionLifetime,
    Duration maxNonInviteTransactionLifetime,
    int udpBufferSize,
    int maxConnections) {

  public SipStackConfig {
    Objects.requireNonNull(bindAddress, "bindAddress");
    Objects.requireNonNull(serverName, "serverName");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("SIP port out of range: " + port);
    }
    if ((bindAddress.equals("0.0.0.0") || bindAddress.equals("::")) && externalAddress == null) {
      throw new IllegalArgumentException(
          "SIP bind address " + bindAddress + " is a wildcard: set an external address for Contact and SDP");
    }
    if (maxMessageSize < 4096) {
      throw new IllegalArgumentException("max SIP message size must be at least 4096 bytes: " + maxMessageSize);
    }
    if (readTimeout.toMillis() < 100) {
      throw new IllegalArgumentException("SIP read timeout must be at least 100 ms: " + readTimeout);
    }
    if (maxServerTransactions <= 0 || threadPoolSize <= 0) {
      throw new IllegalArgumentException("SIP transaction and thread limits must be positive");
    }
    if (maxInviteTransactionLifetime.toSeconds() <= 0 || maxNonInviteTransactionLifetime.toSeconds() <= 0) {
      throw new IllegalArgumentException("SIP transaction lifetimes must be at least one second");
    }
    if (udpBufferSize < 65536) {
      throw new IllegalArgumentException("UDP buffer must be at least 64 KiB: " + udpBufferSize);
    }
    if (maxConnections <= 0) {
      throw new IllegalArgumentException("max TCP connections must be positive: " + maxConnections);
    }
  }

  public static SipStackConfig defaults(String bindAddress, int port) {
    return new SipStackConfig(bindAddress, port, null, "Switchboard", 32 * 1024, Duration.ofSeconds(5), 5000, 1,
        Duration.ofSeconds(240), Duration.ofSeconds(40), 256 * 1024, 500);
  }

  public SipStackConfig withExternalAddress(String address) {
    return new SipStackConfig(bindAddress, port, address, serverName, maxMessageSize, readTimeout,
        maxServerTransactions, threadPoolSize, maxInviteTransactionLifetime, maxNonInviteTransactionLifetime,
        udpBufferSize, maxConnections);
  }

  /** The address to put in Contact headers and SDP. */
  public String advertisedAddress() {
    return externalAddress != null ? externalAddress : bindAddress;
  }
}
