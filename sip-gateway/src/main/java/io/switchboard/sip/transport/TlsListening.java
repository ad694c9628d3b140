package io.switchboard.sip.transport;

import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * SIP over TLS (RFC 3261 §26.2): a TLS listening point beside UDP and TCP, for inbound calls
 * and for outbound trunks whose transport is TLS.
 *
 * @param port the TLS port (5061 by convention); 0 picks a free one (tests)
 * @param context our certificate and key for the server side, and the trust anchors that
 *     carriers' certificates are verified against when we connect to them
 */
public record TlsListening(int port, SSLContext context) {
  public TlsListening {
    Objects.requireNonNull(context, "context");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("SIP TLS port out of range: " + port);
    }
  }
}
