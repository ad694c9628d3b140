package io.switchboard.sip;

import io.switchboard.sip.auth.DigestSettings;
import io.switchboard.sip.inbound.InboundSettings;
import io.switchboard.sip.transport.SipStackConfig;
import io.switchboard.sip.transport.TlsListening;
import java.util.Objects;

/**
 * Everything the SIP server needs to know: how to listen, inbound call policy, digest auth, and
 * SIP over TLS ({@code tls} null: no TLS listening point, TLS trunks refused).
 */
public record SipServerConfig(SipStackConfig stack, InboundSettings inbound, DigestSettings digest, TlsListening tls) {
  public SipServerConfig {
    Objects.requireNonNull(stack, "stack");
    Objects.requireNonNull(inbound, "inbound");
    Objects.requireNonNull(digest, "digest");
  }

  public SipServerConfig(SipStackConfig stack, InboundSettings inbound, DigestSettings digest) {
    this(stack, inbound, digest, null);
  }

  public static SipServerConfig defaults(String bindAddress, int port) {
    return new SipServerConfig(
        SipStackConfig.defaults(bindAddress, port), InboundSettings.defaults(), DigestSettings.withRandomSecret());
  }

  public SipServerConfig withInbound(InboundSettings settings) {
    return new SipServerConfig(stack, settings, digest, tls);
  }

  public SipServerConfig withDigest(DigestSettings settings) {
    return new SipServerConfig(stack, inbound, settings, tls);
  }

  public SipServerConfig withStack(SipStackConfig settings) {
    return new SipServerConfig(settings, inbound, digest, tls);
  }

  public SipServerConfig withTls(TlsListening settings) {
    return new SipServerConfig(stack, inbound, digest, settings);
  }
}
