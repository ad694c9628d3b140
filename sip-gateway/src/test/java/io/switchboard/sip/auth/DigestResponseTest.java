package io.switchboard.sip.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DigestResponseTest {
  /** RFC 2617 §3.5 and RFC 7616 §3.9.1: the published request-digests. */
  @ParameterizedTest(name = "{0}: {8}")
  @CsvSource({
      "MD5, testrealm@host.com, Circle Of Life, dcd98b7102dd2f0e8b11d0f600bfb0c093, 0a4f113b, "
          + "GET, /dir/index.html, auth, 6629fae49393a05397450978507c4ef1",
      "MD5, http-auth@example.org, Circle of Life, 7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v, "
          + "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ, GET, /dir/index.html, auth, "
          + "8ca523f5e9506fed4657c9700eebdbec",
      "SHA_256, http-auth@example.org, Circle of Life, 7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v, "
          + "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ, GET, /dir/index.html, auth, "
          + "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1",
  })
  void matchesRfcVectors(DigestAlgorithm algorithm, String realm, String password, String nonce, String cnonce,
      String method, String uri, String qop, String expected) {
    assertEquals(expected, DigestResponse.compute(
        algorithm, "Mufasa", realm, password, method, uri, nonce, qop, "00000001", cnonce));
  }

  @org.junit.jupiter.api.Test
  void withoutQopUsesTheRfc2069Form() {
    // H(H(A1):nonce:H(A2)) with the RFC 2617 §3.5 inputs.
    String ha1 = DigestAlgorithm.MD5.hashHex("Mufasa:testrealm@host.com:Circle Of Life");
    String ha2 = DigestAlgorithm.MD5.hashHex("GET:/dir/index.html");
    String nonce = "dcd98b7102dd2f0e8b11d0f600bfb0c093";
    assertEquals("939e7578ed9e3c518a452acee763bce9", ha1);
    assertEquals(DigestAlgorithm.MD5.hashHex(ha1 + ":" + nonce + ":" + ha2), DigestResponse.compute(
        DigestAlgorithm.MD5, "Mufasa", "testrealm@host.com", "Circle Of Life", "GET", "/dir/index.html",
        nonce, null, null, null));
  }
}
