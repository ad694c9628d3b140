package io.switchboard.sip.auth;

import java.util.Objects;

/**
 * The parameters of an {@code Authorization: Digest ...} header value.
 *
 * @param algorithm the {@code algorithm} token as sent, null when absent (meaning MD5)
 * @param qop null when absent
 */
public record DigestCredentials(
    String username,
    String realm,
    String nonce,
    String uri,
    String response,
    String algorithm,
    String qop,
    String nonceCount,
    String cnonce,
    String opaque) {
  public DigestCredentials {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(realm, "realm");
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(response, "response");
  }
}
