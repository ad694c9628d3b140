package io.switchboard.sip.sdp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SdesCryptoTest {
  /** RFC 4568 §4's example key (without its MKI), 30 bytes of key||salt. */
  private static final String RFC_KEY = "PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR";

  private static SdesCrypto usable(String value) {
    return assertInstanceOf(SdesCrypto.Parsed.Usable.class, SdesCrypto.parse(value)).crypto();
  }

  private static String unusable(String value) {
    return assertInstanceOf(SdesCrypto.Parsed.Unusable.class, SdesCrypto.parse(value)).reason();
  }

  @Test
  void rfc4568ExampleWithALifetimeIsReadAsTag1AndItsKeyBytes() {
    SdesCrypto crypto = usable("1 AES_CM_128_HMAC_SHA1_80 inline:" + RFC_KEY + "|2^20");
    assertEquals(1, crypto.tag());
    assertEquals(SrtpSuite.AES_CM_128_HMAC_SHA1_80, crypto.suite());
    assertArrayEquals(Base64.getDecoder().decode(RFC_KEY), crypto.keySalt());
    assertEquals(30, crypto.keySalt().length);
  }

  @Test
  void theThirtyTwoBitSuiteIsRecognised() {
    SdesCrypto crypto = usable("2 AES_CM_128_HMAC_SHA1_32 inline:" + RFC_KEY);
    assertEquals(2, crypto.tag());
    assertEquals(SrtpSuite.AES_CM_128_HMAC_SHA1_32, crypto.suite());
    assertEquals(4, crypto.suite().rtpTagLength());
  }

  @Test
  void formatWritesWhatParseReads() {
    SdesCrypto crypto = usable("7 AES_CM_128_HMAC_SHA1_80 inline:" + RFC_KEY);
    assertEquals("7 AES_CM_128_HMAC_SHA1_80 inline:" + RFC_KEY, crypto.format());
    assertEquals(crypto, usable(crypto.format()));
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20|1:32; MKI",
      "1 AES_256_CM_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR; AES_256_CM_HMAC_SHA1_80",
      "1 AES_CM_128_HMAC_SHA1_80 inline:AAAA; 30 bytes",
      "x AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR; tag",
      "1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR KDR=1; session parameters",
      "1 AES_CM_128_HMAC_SHA1_80 uri:https://keys.example/1; inline",
      "1 AES_CM_128_HMAC_SHA1_80; needs",
  })
  void unusableLinesSayWhy(String value, String named) {
    String reason = unusable(value);
    assertTrue(reason.contains(named), reason);
  }

  @Test
  void toStringNeverShowsTheKey() {
    assertTrue(!usable("1 AES_CM_128_HMAC_SHA1_80 inline:" + RFC_KEY).toString().contains(RFC_KEY));
  }
}
