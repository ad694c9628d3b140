package io.switchboard.sip.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.media.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DigestAuthenticatorTest {
  private static final String PEER = "192.0.2.44";
  private static final String URI = "sip:+15105550100@gw.example.com";
  private static final UserCredentials TRUNK = new UserCredentials("trunkuser", "s3cret pass", "switchboard");
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final DigestAuthenticator authenticator = new DigestAuthenticator(
      new NonceService("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII), clock,
          Duration.ofMinutes(5)),
      List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5));

  private String nonce() {
    return authenticator.challenges("switchboard", false, PEER).getFirst().nonce();
  }

  private static String authorization(DigestAlgorithm algorithm, String user, String password, String nonce) {
    String response = DigestResponse.compute(
        algorithm, user, "switchboard", password, "INVITE", URI, nonce, "auth", "00000001", "4a7b");
    return "Digest username=\"" + user + "\", realm=\"switchboard\", nonce=\"" + nonce + "\", uri=\"" + URI
        + "\", response=\"" + response + "\", algorithm=" + algorithm.token()
        + ", cnonce=\"4a7b\", qop=auth, nc=00000001";
  }

  @Test
  void challengesOfferSha256BeforeMd5WithOneNonce() {
    List<DigestChallenge> challenges = authenticator.challenges("switchboard", true, PEER);
    assertEquals(List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5),
        challenges.stream().map(DigestChallenge::algorithm).toList());
    assertEquals(challenges.get(0).nonce(), challenges.get(1).nonce());
    assertEquals("Digest realm=\"switchboard\", nonce=\"" + challenges.get(0).nonce()
        + "\", algorithm=SHA-256, qop=\"auth\", stale=true", challenges.get(0).headerValue());
  }

  @Test
  void acceptsRightCredentialsWithEitherAlgorithm() {
    for (DigestAlgorithm algorithm : DigestAlgorithm.values()) {
      AuthOutcome outcome = authenticator.verify(
          "INVITE", List.of(authorization(algorithm, "trunkuser", "s3cret pass", nonce())), TRUNK, PEER);
      assertEquals(new AuthOutcome.Authenticated("trunkuser"), outcome, algorithm.name());
    }
  }

  @Test
  void unknownUserAndWrongPasswordGetTheSameAnswer() {
    AuthOutcome wrongPassword = authenticator.verify(
        "INVITE", List.of(authorization(DigestAlgorithm.MD5, "trunkuser", "guess", nonce())), TRUNK, PEER);
    AuthOutcome unknownUser = authenticator.verify(
        "INVITE", List.of(authorization(DigestAlgorithm.MD5, "admin", "s3cret pass", nonce())), TRUNK, PEER);
    assertEquals(new AuthOutcome.Forbidden(), wrongPassword);
    assertEquals(wrongPassword, unknownUser);
  }

  @Test
  void staleNonceWithRightPasswordIsRechallengedAsStale() {
    String nonce = nonce();
    clock.advance(Duration.ofMinutes(6));
    AuthOutcome outcome = authenticator.verify(
        "INVITE", List.of(authorization(DigestAlgorithm.SHA_256, "trunkuser", "s3cret pass", nonce)), TRUNK, PEER);
    assertEquals(new AuthOutcome.Challenge(true), outcome);
  }

  @Test
  void digestForAnotherMethodDoesNotAuthenticate() {
    AuthOutcome outcome = authenticator.verify(
        "BYE", List.of(authorization(DigestAlgorithm.MD5, "trunkuser", "s3cret pass", nonce())), TRUNK, PEER);
    assertEquals(new AuthOutcome.Forbidden(), outcome);
  }

  @Test
  void missingForeignOrReplayedFromElsewhereCredentialsAreChallenged() {
    assertEquals(new AuthOutcome.Challenge(false), authenticator.verify("INVITE", List.of(), TRUNK, PEER));
    String otherRealm = authorization(DigestAlgorithm.MD5, "trunkuser", "s3cret pass", nonce())
        .replace("realm=\"switchboard\"", "realm=\"proxy.example\"");
    assertEquals(new AuthOutcome.Challenge(false), authenticator.verify("INVITE", List.of(otherRealm), TRUNK, PEER));
    String fromPeer = authorization(DigestAlgorithm.MD5, "trunkuser", "s3cret pass", nonce());
    assertEquals(new AuthOutcome.Challenge(false),
        authenticator.verify("INVITE", List.of(fromPeer), TRUNK, "198.51.100.200"));
  }

  @Test
  void malformedCredentialsSayWhatIsWrong() {
    AuthOutcome outcome = authenticator.verify(
        "INVITE", List.of("Digest username=\"trunkuser\", realm=\"switchboard\", nonce=\"x\""), TRUNK, PEER);
    var malformed = assertInstanceOf(AuthOutcome.Malformed.class, outcome);
    assertTrue(malformed.reason().contains("uri"), malformed.reason());
  }

  @Test
  void parserHandlesEscapesTokensAndOptionalSpaces() throws Exception {
    DigestCredentials credentials = DigestHeaderParser.parse(
        "digest username=\"a\\\"b\",realm=r,nonce=\"n\" , uri=\"sip:x\",response=\"ab\",algorithm=MD5,qop=auth,"
            + "nc=00000001,cnonce=\"c\",opaque=\"o\"");
    assertEquals(new DigestCredentials("a\"b", "r", "n", "sip:x", "ab", "MD5", "auth", "00000001", "c", "o"),
        credentials);
  }
}
