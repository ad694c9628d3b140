package io.switchboard.server.config;

import io.switchboard.sip.sdp.CodecPolicy;
import java.util.List;
import java.util.Locale;

/**
 * SIP signalling settings (UDP and TCP on one port). {@code externalAddress}: the public address
 * written into Contact and SDP when behind NAT (empty: the bind address, or this machine's first
 * IPv4 address when binding to a wildcard). {@code hideInboundPort}: INVITEs that match no trunk
 * or rule, and known scanners, are dropped silently instead of answered, so scanners learn
 * nothing. {@code tls}: SIP over TLS (off by default). {@code codecs}: the codecs phone legs may
 * use ({@code opus}, {@code g722}, {@code pcmu}, {@code pcma}; any case), in order of preference for
 * our offers; answers keep the offerer's order among them (RFC 3264 §6.1; see OfferAnswer). Unknown
 * names fail at start-up.
 */
public record SipConfig(Integer port, String externalAddress, Boolean hideInboundPort, SipTlsConfig tls,
    List<String> codecs) {

  public static final SipConfig DEFAULTS = new SipConfig(null, null, null, null, null);

  public SipConfig {
    port = port == null ? 5060 : port;
    externalAddress = externalAddress == null ? "" : externalAddress;
    hideInboundPort = hideInboundPort != null && hideInboundPort;
    tls = tls == null ? SipTlsConfig.DEFAULTS : tls;
    if (codecs != null) {
      CodecPolicy.fromConfig(codecs); // fails naming the bad value as written, and the allowed ones
    }
    codecs = codecs == null ? CodecPolicy.CONFIG_NAMES
        : codecs.stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
  }

  public SipConfig(Integer port, String externalAddress, Boolean hideInboundPort, SipTlsConfig tls) {
    this(port, externalAddress, hideInboundPort, tls, null);
  }

  public SipConfig(Integer port, String externalAddress, Boolean hideInboundPort) {
    this(port, externalAddress, hideInboundPort, null, null);
  }

  public SipConfig withPort(int newPort) {
    return new SipConfig(newPort, externalAddress, hideInboundPort, tls, codecs);
  }

  public SipConfig withTls(SipTlsConfig settings) {
    return new SipConfig(port, externalAddress, hideInboundPort, settings, codecs);
  }

  public SipConfig withCodecs(List<String> names) {
    return new SipConfig(port, externalAddress, hideInboundPort, tls, names);
  }

  /** {@link #codecs} as the SIP side applies it. */
  public CodecPolicy codecPolicy() {
    return CodecPolicy.fromConfig(codecs);
  }
}
