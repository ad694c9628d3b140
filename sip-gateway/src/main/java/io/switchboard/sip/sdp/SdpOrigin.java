package io.switchboard.sip.sdp;

import java.util.Objects;

/** The {@code o=} line (RFC 8866 §5.2). Session id and version are kept as text: they may exceed 63 bits. */
public record SdpOrigin(
    String username,
    String sessionId,
    String sessionVersion,
    String networkType,
    String addressType,
    String address) {
  public SdpOrigin {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(sessionVersion, "sessionVersion");
    Objects.requireNonNull(networkType, "networkType");
    Objects.requireNonNull(addressType, "addressType");
    Objects.requireNonNull(address, "address");
  }

  public String format() {
    return String.join(
        " ", username, sessionId, sessionVersion, networkType, addressType, address);
  }
}
