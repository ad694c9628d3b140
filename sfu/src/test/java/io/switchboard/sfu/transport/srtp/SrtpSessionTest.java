package io.switchboard.sfu.transport.srtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Known-answer tests from libsrtp's test/srtp_driver.c (srtp_validate, srtp_validate_gcm): SSRC
 * 0xcafebabe, sequence 0x1234, ROC 0, payload 16 × 0xab.
 */
class SrtpSessionTest {
  private static final HexFormat HEX = HexFormat.of();

  // srtp_validate(): AES_CM_128_HMAC_SHA1_80, master key || master salt = test_key.
  private static final byte[] CM_KEY = hex("e1f97a0d3e018be0d64fa32c06de4139");
  private static final byte[] CM_SALT = hex("0ec675ad498afeebb6960b3aabe6");
  private static final byte[] RTP_PLAIN = hex("800f1234decafbadcafebabe" + "ab".repeat(16));
  private static final byte[] CM_SRTP =
      hex("800f1234decafbadcafebabe4e55dc4ce79978d88ca4d215949d2402b78d6acc99ea179b8dbb");
  private static final byte[] RTCP_PLAIN = hex("81c8000bcafebabe" + "ab".repeat(16));
  private static final byte[] CM_SRTCP =
      hex("81c8000bcafebabe7128035be487b9bdbef89041f977a5a880000001993e08cd54d6c1230798");

  // srtp_validate_gcm(): AEAD_AES_128_GCM, 16-byte key then 12-byte salt.
  private static final byte[] GCM_KEY = hex("000102030405060708090a0b0c0d0e0f");
  private static final byte[] GCM_SALT = hex("a0a1a2a3a4a5a6a7a8a9aaab");
  private static final byte[] GCM_SRTP =
      hex(
          "800f1234decafbadcafebabec5002ede04cfdd2eb91159e0880aa06ed2976826f796b201df3131a127e8a392");
  private static final byte[] GCM_SRTCP =
      hex(
          "81c8000bcafebabec98b8b5df0392a55852b6c21ac8e7025c52c6fbea2b3b446ea31123ba88ce61e80000001");

  private static byte[] hex(String s) {
    return HEX.parseHex(s);
  }

  /** A session that sends and receives with the same key, like libsrtp's two policies. */
  private static SrtpSession symmetric(SrtpProfile profile, byte[] key, byte[] salt) {
    return new SrtpSession(SrtpMasterKeys.of(profile, key, salt, key, salt), 16);
  }

  private static byte[] bytes(PacketBuffer p) {
    return Arrays.copyOfRange(p.buffer(), p.offset(), p.offset() + p.length());
  }

  private static PacketBuffer packet(byte[] content) {
    return new PacketBuffer(64).copyFrom(content, 0, content.length, 4, 32);
  }

  @Test
  void aesCmProtectsRtpToTheLibsrtpCiphertextAndBack() {
    try (SrtpSession sender = symmetric(SrtpProfile.AES128_CM_HMAC_SHA1_80, CM_KEY, CM_SALT);
        SrtpSession receiver = symmetric(SrtpProfile.AES128_CM_HMAC_SHA1_80, CM_KEY, CM_SALT)) {
      PacketBuffer p = packet(RTP_PLAIN);
      assertEquals(SrtpStatus.OK, sender.protectRtp(p));
      assertArrayEquals(CM_SRTP, bytes(p));

      assertEquals(SrtpStatus.OK, receiver.unprotectRtp(p));
      assertArrayEquals(RTP_PLAIN, bytes(p));
    }
  }

  @Test
  void aesCmProtectsRtcpToTheLibsrtpCiphertextAndBack() {
    try (SrtpSession sender = symmetric(SrtpProfile.AES128_CM_HMAC_SHA1_80, CM_KEY, CM_SALT);
        SrtpSession receiver = symmetric(SrtpProfile.AES128_CM_HMAC_SHA1_80, CM_KEY, CM_SALT)) {
      // The reference carries SRTCP index 1: ours counts from 0, so it is the second packet sent.
      assertEquals(SrtpStatus.OK, sender.protectRtcp(packet(RTCP_PLAIN)));
      PacketBuffer p = packet(RTCP_PLAIN);
      assertEquals(SrtpStatus.OK, sender.protectRtcp(p));
      assertArrayEquals(CM_SRTCP, bytes(p));

      assertEquals(SrtpStatus.OK, receiver.unprotectRtcp(p));
      assertArrayEquals(RTCP_PLAIN, bytes(p));
    }
  }

  @Test
  void gcmProtectsRtpAndRtcpToTheLibsrtpCiphertextsAndBack() {
    try (SrtpSession sender = symmetric(SrtpProfile.AEAD_AES_128_GCM, GCM_KEY, GCM_SALT);
        SrtpSession receiver = symmetric(SrtpProfile.AEAD_AES_128_GCM, GCM_KEY, GCM_SALT)) {
      PacketBuffer rtp = packet(RTP_PLAIN);
      assertEquals(SrtpStatus.OK, sender.protectRtp(rtp));
      assertArrayEquals(GCM_SRTP, bytes(rtp));
      assertEquals(SrtpStatus.OK, receiver.unprotectRtp(rtp));
      assertArrayEquals(RTP_PLAIN, bytes(rtp));

      assertEquals(SrtpStatus.OK, sender.protectRtcp(packet(RTCP_PLAIN)));
      PacketBuffer rtcp = packet(RTCP_PLAIN);
      assertEquals(SrtpStatus.OK, sender.protectRtcp(rtcp));
      assertArrayEquals(GCM_SRTCP, bytes(rtcp));
      assertEquals(SrtpStatus.OK, receiver.unprotectRtcp(rtcp));
      assertArrayEquals(RTCP_PLAIN, bytes(rtcp));
    }
  }

  /**
   * RFC 5764 §4.2: the exported block is client key | server key | client salt | server salt.
   * Placing libsrtp's key and salt in the client slots, the DTLS client must produce the libsrtp
   * ciphertext and the DTLS server must accept it.
   */
  @Test
  void dtlsKeyingMaterialIsSplitInRfc5764Order() {
    byte[] serverKey = hex("00112233445566778899aabbccddeeff");
    byte[] serverSalt = hex("0102030405060708090a0b0c0d0e");
    byte[] material = new byte[60];
    System.arraycopy(CM_KEY, 0, material, 0, 16);
    System.arraycopy(serverKey, 0, material, 16, 16);
    System.arraycopy(CM_SALT, 0, material, 32, 14);
    System.arraycopy(serverSalt, 0, material, 46, 14);

    SrtpMasterKeys client =
        SrtpMasterKeys.fromDtlsExport(SrtpProfile.AES128_CM_HMAC_SHA1_80, true, material);
    SrtpMasterKeys server =
        SrtpMasterKeys.fromDtlsExport(SrtpProfile.AES128_CM_HMAC_SHA1_80, false, material);
    assertArrayEquals(serverKey, client.remoteKey());
    assertArrayEquals(serverSalt, client.remoteSalt());

    try (SrtpSession clientSession = new SrtpSession(client, 4);
        SrtpSession serverSession = new SrtpSession(server, 4)) {
      PacketBuffer p = packet(RTP_PLAIN);
      assertEquals(SrtpStatus.OK, clientSession.protectRtp(p));
      assertArrayEquals(CM_SRTP, bytes(p));
      assertEquals(SrtpStatus.OK, serverSession.unprotectRtp(p));
      assertArrayEquals(RTP_PLAIN, bytes(p));

      PacketBuffer fromServer = packet(RTP_PLAIN);
      assertEquals(SrtpStatus.OK, serverSession.protectRtp(fromServer));
      assertFalse(Arrays.equals(CM_SRTP, bytes(fromServer)), "server must send with its own key");
      assertEquals(SrtpStatus.OK, clientSession.unprotectRtp(fromServer));
      assertArrayEquals(RTP_PLAIN, bytes(fromServer));
    }
  }

  @Test
  void keyingMaterialOfTheWrongLengthIsRejectedByName() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SrtpMasterKeys.fromDtlsExport(SrtpProfile.AEAD_AES_128_GCM, true, new byte[60]));
    assertEquals("keying material for AEAD_AES_128_GCM must be 56 bytes, got 60", e.getMessage());
  }

  @Test
  void everyFlippedBitFailsAuthentication() {
    for (SrtpProfile profile : SrtpProfile.values()) {
      byte[] key = profile == SrtpProfile.AEAD_AES_128_GCM ? GCM_KEY : CM_KEY;
      byte[] salt = profile == SrtpProfile.AEAD_AES_128_GCM ? GCM_SALT : CM_SALT;
      byte[] cipher = profile == SrtpProfile.AEAD_AES_128_GCM ? GCM_SRTP : CM_SRTP;
      // A flip in the header may also make it unparseable (CSRC count, extension bit).
      for (int bit = 0; bit < cipher.length * 8; bit++) {
        byte[] tampered = cipher.clone();
        tampered[bit / 8] ^= (byte) (1 << (bit % 8));
        try (SrtpSession receiver = symmetric(profile, key, salt)) {
          SrtpStatus status = receiver.unprotectRtp(packet(tampered));
          assertTrue(
              status == SrtpStatus.AUTH_FAILURE || status == SrtpStatus.INVALID_PACKET,
              profile + " returned " + status + " with bit " + bit + " flipped");
        }
      }
    }
  }

  @Test
  void aReplayedPacketIsRejected() {
    try (SrtpSession receiver = symmetric(SrtpProfile.AES128_CM_HMAC_SHA1_80, CM_KEY, CM_SALT)) {
      assertEquals(SrtpStatus.OK, receiver.unprotectRtp(packet(CM_SRTP)));
      assertEquals(SrtpStatus.REPLAY, receiver.unprotectRtp(packet(CM_SRTP)));
    }
  }

  @Test
  void truncatedPacketsAreInvalid() {
    try (SrtpSession session = symmetric(SrtpProfile.AES128_CM_HMAC_SHA1_80, CM_KEY, CM_SALT)) {
      assertEquals(
          SrtpStatus.INVALID_PACKET, session.unprotectRtp(packet(hex("800f1234decafbad"))));
      assertEquals(SrtpStatus.INVALID_PACKET, session.protectRtp(packet(hex("800f1234"))));
      assertEquals(
          SrtpStatus.INVALID_PACKET,
          session.unprotectRtcp(packet(hex("81c8000bcafebabe80000001"))));
    }
  }

  /** Forged packets do not take the place of real streams: a context is kept only on success. */
  @Test
  void forgedSsrcsDoNotUseUpTheSsrcTable() {
    SrtpMasterKeys keys =
        SrtpMasterKeys.of(SrtpProfile.AES128_CM_HMAC_SHA1_80, CM_KEY, CM_SALT, CM_KEY, CM_SALT);
    try (SrtpSession receiver = new SrtpSession(keys, 1);
        SrtpSession sender = new SrtpSession(keys, 2)) {
      for (int forged = 1; forged <= 5; forged++) {
        byte[] f = CM_SRTP.clone();
        f[11] = (byte) forged;
        assertEquals(SrtpStatus.AUTH_FAILURE, receiver.unprotectRtp(packet(f)));
      }
      assertEquals(SrtpStatus.OK, receiver.unprotectRtp(packet(CM_SRTP)));

      byte[] otherStream = RTP_PLAIN.clone();
      otherStream[11] = 0x01;
      PacketBuffer p = packet(otherStream);
      assertEquals(SrtpStatus.OK, sender.protectRtp(p));
      assertEquals(SrtpStatus.TOO_MANY_SSRCS, receiver.unprotectRtp(p));
    }
  }

  @Test
  void protectMovesToALargerArrayWhenTheTagDoesNotFit() {
    try (SrtpSession sender = symmetric(SrtpProfile.AES128_CM_HMAC_SHA1_80, CM_KEY, CM_SALT)) {
      byte[] exact = RTP_PLAIN.clone();
      PacketBuffer p = new PacketBuffer(0).wrap(exact, 0, exact.length);
      assertEquals(SrtpStatus.OK, sender.protectRtp(p));
      assertArrayEquals(CM_SRTP, bytes(p));
    }
  }
}
