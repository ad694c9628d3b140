package io.switchboard.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.sip.auth.DigestAlgorithm;
import io.switchboard.sip.auth.UserCredentials;
import io.switchboard.sip.inbound.AuthorizationDecision;
import io.switchboard.sip.inbound.CallEnd;
import io.switchboard.sip.testing.GatewayHarness;
import io.switchboard.sip.testing.Sipp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Digest authentication of inbound INVITEs, with SIPp computing the responses (MD5, qop=auth). */
class DigestAuthSippTest {
  private static final UserCredentials TRUNK = new UserCredentials("trunkuser", "s3cret-pass", "switchboard");
  private GatewayHarness gateway;

  @BeforeEach
  void start() throws Exception {
    Sipp.assumeInstalled();
    // SIPp only computes MD5 and gives up on a SHA-256 challenge listed first: offer MD5 alone.
    gateway = new GatewayHarness(config -> config.withDigest(
        config.digest().withAlgorithms(List.of(DigestAlgorithm.MD5)).withNonceValidity(Duration.ofMinutes(5))));
    gateway.handler.onAuthorize = info -> AuthorizationDecision.Accept.withCredentials(TRUNK, "trunk-auth");
  }

  @AfterEach
  void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  private Sipp.Result sipp(String scenario, String user, String password) throws Exception {
    return Sipp.run(scenario, "u1", gateway.port(), Map.of(), "-au", user, "-ap", password);
  }

  @Test
  void rightCredentialsAreChallengedThenAnswered() throws Exception {
    var result = sipp("digest_call.xml", "trunkuser", "s3cret-pass");
    assertTrue(result.passed(), result.describe());
    assertEquals(2, gateway.handler.authorizations.size(), "both INVITEs were shown to the handler");
    assertEquals("trunk-auth", gateway.handler.dispatchContexts.take());
    assertEquals(1, gateway.handler.dispatches.size(), "only the authenticated INVITE was dispatched");
    assertTrue(gateway.handler.dispatches.take().hasCredentials());
    assertEquals(CallEnd.Reason.REMOTE_HANGUP, gateway.handler.listener.awaitEnded().reason());
  }

  @Test
  void wrongPasswordAndUnknownUserBothGetTheSame403() throws Exception {
    var wrongPassword = sipp("digest_forbidden.xml", "trunkuser", "guess");
    assertTrue(wrongPassword.passed(), wrongPassword.describe());
    var unknownUser = sipp("digest_forbidden.xml", "admin", "s3cret-pass");
    assertTrue(unknownUser.passed(), unknownUser.describe());
    assertTrue(gateway.handler.dispatches.isEmpty());
    assertEquals(statusLineOf403(wrongPassword), statusLineOf403(unknownUser));
  }

  @Test
  void expiredNonceIsRechallengedAsStaleAndTheFreshOneWorks() throws Exception {
    AtomicBoolean aged = new AtomicBoolean();
    gateway.handler.onAuthorize = info -> {
      // The first authenticated retry arrives "six minutes later": its nonce is past validity.
      if (info.hasCredentials() && aged.compareAndSet(false, true)) {
        gateway.clock.advance(Duration.ofMinutes(6));
      }
      return AuthorizationDecision.Accept.withCredentials(TRUNK, "trunk-auth");
    };
    var result = sipp("digest_stale_nonce.xml", "trunkuser", "s3cret-pass");
    assertTrue(result.passed(), result.describe());
    assertEquals(3, gateway.handler.authorizations.size());
    assertEquals(1, gateway.handler.dispatches.size());
  }

  private static String statusLineOf403(Sipp.Result result) {
    return result.messages().lines().filter(line -> line.startsWith("SIP/2.0 403")).findFirst().orElseThrow();
  }
}
