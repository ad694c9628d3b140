package io.switchboard.sip.outbound;

import io.switchboard.sip.transport.TransportProtocol;
import java.util.Objects;

/**
 * Where an outbound INVITE goes: a trunk's {@code address} ({@code host[:port]}, never a
 * {@code sip:} URI, as LiveKit stores it) and the transport to use.
 *
 * @param port 5060 when the address names none (5061 for TLS)
 * @param automatic the trunk's transport is {@code auto}: {@code transport} (UDP) unless the
 *     INVITE is too large for it (see {@link AutoTransport})
 */
public record OutboundTarget(String host, int port, TransportProtocol transport, boolean automatic) {
  public static final int DEFAULT_PORT = 5060;
  /** RFC 3261 §26.2: SIP over TLS listens on 5061. */
  public static final int DEFAULT_TLS_PORT = 5061;

  public OutboundTarget {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(transport, "transport");
    if (host.isBlank()) {
      throw new IllegalArgumentException("trunk address has no host");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("trunk port out of range: " + port);
    }
    if (automatic && transport != TransportProtocol.UDP) {
      throw new IllegalArgumentException("transport auto starts from UDP, not " + transport);
    }
  }

  public OutboundTarget(String host, int port, TransportProtocol transport) {
    this(host, port, transport, false);
  }

  /** The trunk's transport is {@code auto}: UDP, switching to TCP for a large INVITE. */
  public OutboundTarget withAutomaticTransport() {
    return new OutboundTarget(host, port, TransportProtocol.UDP, true);
  }

  /**
   * Reads {@code host}, {@code host:port}, {@code [v6]} or {@code [v6]:port}.
   *
   * @throws IllegalArgumentException naming what is wrong with the address
   */
  public static OutboundTarget parse(String address, TransportProtocol transport) {
    String text = address == null ? "" : address.strip();
    if (text.isEmpty()) {
      throw new IllegalArgumentException("trunk address is empty");
    }
    if (text.regionMatches(true, 0, "sip:", 0, 4) || text.regionMatches(true, 0, "sips:", 0, 5)
        || text.contains("@") || text.contains(";")) {
      throw new IllegalArgumentException("trunk address must be host[:port], not a SIP URI: " + text);
    }
    String host;
    String port = null;
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("trunk address has an unclosed IPv6 bracket: " + text);
      }
      host = text.substring(0, close + 1);
      if (close + 1 < text.length()) {
        if (text.charAt(close + 1) != ':') {
          throw new IllegalArgumentException("unexpected text after the IPv6 address: " + text);
        }
        port = text.substring(close + 2);
      }
    } else {
      int colon = text.indexOf(':');
      host = colon < 0 ? text : text.substring(0, colon);
      port = colon < 0 ? null : text.substring(colon + 1);
    }
    int number = transport == TransportProtocol.TLS ? DEFAULT_TLS_PORT : DEFAULT_PORT;
    if (port != null) {
      try {
        number = Integer.parseInt(port);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("trunk address port is not a number: " + text);
      }
    }
    return new OutboundTarget(host, number, transport);
  }

  /** {@code host:port}. */
  String hostPort() {
    return host + ":" + port;
  }

  /**
   * {@code ;transport=tcp} or {@code ;transport=tls} (UDP is SIP's default). TLS keeps the
   * {@code sip:} scheme: carriers expect {@code sip:...;transport=tls}, and {@code sips:} would
   * demand TLS on every hop beyond the carrier too (RFC 5630 §3.1.3).
   */
  String uriParameters() {
    return uriParameters(transport);
  }

  static String uriParameters(TransportProtocol transport) {
    return switch (transport) {
      case UDP -> "";
      case TCP -> ";transport=tcp";
      case TLS -> ";transport=tls";
    };
  }
}
