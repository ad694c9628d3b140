package io.switchboard.sip.srtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.switchboard.sip.sdp.SdesCrypto;
import io.switchboard.sip.sdp.SrtpKeys;
import io.switchboard.sip.sdp.SrtpSuite;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * SDES keys drive the sfu's SRTP engine: libsrtp's srtp_validate() vector (AES_CM_128_HMAC_SHA1_80,
 * key||salt e1f97a0d…||0ec675ad…) protected through a leg-sized buffer, as an RtpLeg does.
 */
class SdesSrtpProtectionTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] KEY_SALT = HEX.parseHex("e1f97a0d3e018be0d64fa32c06de4139" + "0ec675ad498afeebb6960b3aabe6");
  private static final byte[] RTP_PLAIN = HEX.parseHex("800f1234decafbadcafebabe" + "ab".repeat(16));
  private static final byte[] SRTP = HEX.parseHex("800f1234decafbadcafebabe4e55dc4ce79978d88ca4d215949d2402b78d6acc99ea179b8dbb");
  private static final byte[] RTCP_PLAIN = HEX.parseHex("81c8000bcafebabe" + "ab".repeat(16));

  private static SdesCrypto key(byte[] keySalt) {
    return new SdesCrypto(1, SrtpSuite.AES_CM_128_HMAC_SHA1_80, keySalt);
  }

  private static SdesSrtpProtection between(byte[] local, byte[] remote) {
    return SdesSrtpProtection.of(new SrtpKeys(SrtpSuite.AES_CM_128_HMAC_SHA1_80, key(local), key(remote)));
  }

  private static byte[] datagram(byte[] content) {
    return Arrays.copyOf(content, 2048);
  }

  @Test
  void rtpIsProtectedToTheLibsrtpVectorAndTheOtherEndRecoversIt() {
    byte[] theirKey = new byte[30];
    var us = between(KEY_SALT, theirKey);
    var them = between(theirKey, KEY_SALT);
    byte[] packet = datagram(RTP_PLAIN);
    int length = us.protectRtp(packet, RTP_PLAIN.length);
    assertArrayEquals(SRTP, Arrays.copyOf(packet, length));
    length = them.unprotectRtp(packet, length);
    assertArrayEquals(RTP_PLAIN, Arrays.copyOf(packet, length));
  }

  @Test
  void rtcpRoundTripsWithItsIndexAndTag() {
    byte[] theirKey = new byte[30];
    var us = between(KEY_SALT, theirKey);
    var them = between(theirKey, KEY_SALT);
    byte[] packet = datagram(RTCP_PLAIN);
    int length = us.protectRtcp(packet, RTCP_PLAIN.length);
    assertEquals(RTCP_PLAIN.length + 4 + 10, length);
    length = them.unprotectRtcp(packet, length);
    assertArrayEquals(RTCP_PLAIN, Arrays.copyOf(packet, length));
  }

  @Test
  void aPacketUnderTheWrongKeyIsDropped() {
    byte[] otherKey = KEY_SALT.clone();
    otherKey[0] ^= 1;
    var receiver = between(new byte[30], otherKey);
    byte[] packet = datagram(SRTP);
    assertEquals(-1, receiver.unprotectRtp(packet, SRTP.length));
  }

  @Test
  void theThirtyTwoBitSuiteIsRefusedByName() {
    var keys = new SrtpKeys(SrtpSuite.AES_CM_128_HMAC_SHA1_32, key(KEY_SALT), key(KEY_SALT));
    var e = assertThrows(IllegalArgumentException.class, () -> SdesSrtpProtection.of(keys));
    assertEquals("SRTP suite AES_CM_128_HMAC_SHA1_32 is not supported on SIP legs", e.getMessage());
  }
}
