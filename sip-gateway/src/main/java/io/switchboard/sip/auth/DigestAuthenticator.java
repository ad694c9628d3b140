package io.switchboard.sip.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Server-side digest authentication for SIP requests (RFC 3261 §22, RFC 7616, RFC 8760).
 * Challenges carry one header per algorithm in order of preference; verification accepts
 * any offered algorithm.
 */
public final class DigestAuthenticator {
  private final NonceService nonces;
  private final List<DigestAlgorithm> algorithms;

  /** @param algorithms the algorithms to offer, most preferred first */
  public DigestAuthenticator(NonceService nonces, List<DigestAlgorithm> algorithms) {
    if (algorithms.isEmpty()) {
      throw new IllegalArgumentException("at least one digest algorithm is needed");
    }
    this.nonces = nonces;
    this.algorithms = List.copyOf(algorithms);
  }

  /** The WWW-Authenticate challenges for a 401, one per algorithm, sharing one nonce. */
  public List<DigestChallenge> challenges(String realm, boolean stale, String binding) {
    String nonce = nonces.issue(binding);
    return algorithms.stream().map(a -> new DigestChallenge(realm, nonce, a, stale)).toList();
  }

  /**
   * Checks the request's Authorization header values against what is expected.
   *
   * @param binding the same binding the challenge's nonce was issued for (the peer's address)
   */
  public AuthOutcome verify(
      String method, List<String> authorizationValues, UserCredentials expected, String binding) {
    DigestCredentials credentials = null;
    String parseError = null;
    for (String value : authorizationValues) {
      if (!DigestHeaderParser.isDigest(value)) {
        continue;
      }
      try {
        DigestCredentials parsed = DigestHeaderParser.parse(value);
        // Several Authorization headers may be present, one per realm on the path: pick ours.
        if (parsed.realm().equals(expected.realm())) {
          credentials = parsed;
          break;
        }
      } catch (DigestHeaderException e) {
        parseError = e.getMessage();
      }
    }
    if (credentials == null) {
      return parseError != null ? new AuthOutcome.Malformed(parseError) : new AuthOutcome.Challenge(false);
    }
    Optional<DigestAlgorithm> algorithm = DigestAlgorithm.fromToken(credentials.algorithm())
        .filter(algorithms::contains);
    if (algorithm.isEmpty()) {
      return new AuthOutcome.Challenge(false);
    }
    String qop = credentials.qop();
    if (qop != null && (!qop.equalsIgnoreCase("auth") || credentials.nonceCount() == null
        || credentials.cnonce() == null)) {
      return new AuthOutcome.Malformed("qop=" + qop + " needs qop=auth with nc and cnonce");
    }
    NonceCheck nonce = nonces.check(credentials.nonce(), binding);
    if (nonce == NonceCheck.INVALID) {
      return new AuthOutcome.Challenge(false);
    }
    // Compute the expected digest even for an unknown user, so both failures cost and look the same.
    String expectedResponse = DigestResponse.compute(
        algorithm.get(), credentials.username(), expected.realm(), expected.password(), method,
        credentials.uri(), credentials.nonce(), qop == null ? null : "auth", credentials.nonceCount(),
        credentials.cnonce());
    boolean userMatches = constantTimeEquals(credentials.username(), expected.username());
    boolean responseMatches = constantTimeEquals(
        credentials.response().toLowerCase(Locale.ROOT), expectedResponse);
    if (!(userMatches & responseMatches)) {
      return new AuthOutcome.Forbidden();
    }
    if (nonce == NonceCheck.STALE) {
      return new AuthOutcome.Challenge(true);
    }
    return new AuthOutcome.Authenticated(credentials.username());
  }

  private static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
