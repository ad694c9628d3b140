package io.switchboard.sip.auth;

import java.util.Objects;

/** One {@code WWW-Authenticate: Digest ...} challenge (RFC 7616 §3.3), always with qop="auth". */
public record DigestChallenge(String realm, String nonce, DigestAlgorithm algorithm, boolean stale) {
  public DigestChallenge {
    Objects.requireNonNull(realm, "realm");
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(algorithm, "algorithm");
  }

  public String headerValue() {
    return "Digest realm=\"" + quote(realm) + "\", nonce=\"" + nonce + "\", algorithm=" + algorithm.token()
        + ", qop=\"auth\"" + (stale ? ", stale=true" : "");
  }

  private static String quote(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
