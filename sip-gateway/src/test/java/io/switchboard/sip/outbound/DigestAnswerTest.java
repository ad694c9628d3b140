package io.switchboard.sip.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DigestAnswerTest {
  /** RFC 2617 §3.5's example, with qop=auth: the response is 6629fae49393a05397450978507c4ef1. */
  @Test
  void answersTheRfc2617ExampleChallenge() {
    var credentials = DigestAnswer.answer(401,
        List.of("Digest realm=\"testrealm@host.com\", qop=\"auth,auth-int\", "
            + "nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\""),
        "Mufasa", "Circle Of Life", "GET", "/dir/index.html", "0a4f113b").orElseThrow();
    assertEquals("Authorization", credentials.headerName());
    assertTrue(credentials.value().contains("response=\"6629fae49393a05397450978507c4ef1\""), credentials.value());
    assertTrue(credentials.value().contains("opaque=\"5ccc069c403ebaf9f0171e9517f40e41\""), credentials.value());
    assertTrue(credentials.value().contains("qop=auth, nc=00000001, cnonce=\"0a4f113b\""), credentials.value());
  }

  @Test
  void proxyChallengesAreAnsweredInProxyAuthorizationAndUnknownSchemesAreSkipped() {
    var credentials = DigestAnswer.answer(407,
        List.of("Basic realm=\"x\"", "Digest realm=\"r\", nonce=\"n\", algorithm=SHA-256"),
        "u", "p", "INVITE", "sip:1@h", "c").orElseThrow();
    assertEquals("Proxy-Authorization", credentials.headerName());
    assertTrue(credentials.value().contains("algorithm=SHA-256"), credentials.value());
    assertTrue(DigestAnswer.answer(401, List.of("Digest realm=\"r\", nonce=\"n\", algorithm=MD5-sess"),
        "u", "p", "INVITE", "sip:1@h", "c").isEmpty(), "an algorithm we cannot compute is not answered");
  }
}
