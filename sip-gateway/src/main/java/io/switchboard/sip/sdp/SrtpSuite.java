package io.switchboard.sip.sdp;

import java.util.Optional;

/**
 * SDES crypto suites (RFC 4568 §6.2) we recognise, in our order of preference. Both use a 128-bit
 * AES-CM master key and a 112-bit master salt; they differ in the SRTP authentication tag.
 */
public enum SrtpSuite {
  AES_CM_128_HMAC_SHA1_80(10),
  /** 32-bit tag on SRTP; SRTCP keeps the 80-bit tag (RFC 4568 §6.2.2). */
  AES_CM_128_HMAC_SHA1_32(4);

  /** Master key (16) plus master salt (14), the length of the inline key parameter. */
  public static final int KEY_SALT_LENGTH = 30;

  private final int rtpTagLength;

  SrtpSuite(int rtpTagLength) {
    this.rtpTagLength = rtpTagLength;
  }

  public int rtpTagLength() {
    return rtpTagLength;
  }

  public static Optional<SrtpSuite> named(String name) {
    for (SrtpSuite suite : values()) {
      if (suite.name().equalsIgnoreCase(name)) {
        return Optional.of(suite);
      }
    }
    return Optional.empty();
  }
}
