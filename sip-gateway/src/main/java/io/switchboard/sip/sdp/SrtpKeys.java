package io.switchboard.sip.sdp;

import java.util.Objects;

/**
 * The SDES keys agreed for one audio stream: we protect with {@code local}, the peer protects
 * with {@code remote}; both use the answer's suite (RFC 4568 §7.1.3).
 */
public record SrtpKeys(SrtpSuite suite, SdesCrypto local, SdesCrypto remote) {
  public SrtpKeys {
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(local, "local");
    Objects.requireNonNull(remote, "remote");
  }
}
