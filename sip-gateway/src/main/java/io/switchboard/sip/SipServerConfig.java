package io.switchboard.sip;

import io.switchboard.sip.auth.DigestSettings;
import io.switchboard.sip.inbound.InboundSettings;
import io.switchboard.sip.transport.SipStackConfig;
import java.util.Objects;

/** Everything the SIP server needs to know: how to listen, inbound call policy, digest auth. */
public record SipServerConfig(SipStackConfig stack, InboundSettings inbound, DigestSettings digest) {
  public SipServerConfig {
    Objects.requireNonNull(stack, "stack");
    Objects.requireNonNull(inbound, "inbound");
    Objects.requireNonNull(digest, "digest");
  }

  public static SipServerConfig defaults(String bindAddress, int port) {
    return new SipServerConfig(
        SipStackConfig.defaults(bindAddress, port), InboundSettings.defaults(), DigestSettings.withRandomSecret());
  }

  public SipServerConfig withInbound(InboundSettings settings) {
    return new SipServerConfig(stack, settings, digest);
  }

  public SipServerConfig withDigest(DigestSettings settings) {
    return new SipServerConfig(stack, inbound, settings);
  }

  public SipServerConfig withStack(SipStackConfig settings) {
    return new SipServerConfig(settings, inbound, digest);
  }
}
