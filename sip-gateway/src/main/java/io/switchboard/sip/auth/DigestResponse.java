package io.switchboard.sip.auth;

/** The request-digest computation of RFC 7616 §3.4.1 (and RFC 2617 §3.2.2.1), qop "auth" or none. */
public final class DigestResponse {
  private DigestResponse() {}

  /**
   * @param qop "auth", or null for the RFC 2069 form that SIP still permits (RFC 3261 §22.4)
   * @param nonceCount the {@code nc} value as sent (eight hex digits); ignored without qop
   * @param cnonce the client nonce; ignored without qop
   */
  public static String compute(
      DigestAlgorithm algorithm,
      String username,
      String realm,
      String password,
      String method,
      String digestUri,
      String nonce,
      String qop,
      String nonceCount,
      String cnonce) {
    String ha1 = algorithm.hashHex(username + ":" + realm + ":" + password);
    String ha2 = algorithm.hashHex(method + ":" + digestUri);
    if (qop == null) {
      return algorithm.hashHex(ha1 + ":" + nonce + ":" + ha2);
    }
    return algorithm.hashHex(ha1 + ":" + nonce + ":" + nonceCount + ":" + cnonce + ":" + qop + ":" + ha2);
  }
}
