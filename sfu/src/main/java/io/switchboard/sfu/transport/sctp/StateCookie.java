package io.switchboard.sfu.transport.sctp;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a server needs to create the association from a COOKIE ECHO, so that an INIT costs it no
 * state (RFC 9260 §5.1.3): both tags and initial TSNs and the peer's window, streams and
 * extensions, stamped with the time and signed with HMAC-SHA256 under a per-association secret.
 */
record StateCookie(
    int peerTag,
    int localTag,
    int peerInitialTsn,
    int localInitialTsn,
    long peerWindow,
    int peerOutboundStreams,
    int peerInboundStreams,
    boolean peerForwardTsn,
    boolean peerReconfig,
    long createdAtMillis) {
  private static final int BODY = 4 * 5 + 2 * 2 + 1 + 8;
  private static final int MAC = 32;
  static final int LENGTH = BODY + MAC;

  static StateCookie from(InitChunk init, int localTag, int localInitialTsn, long nowMillis) {
    return new StateCookie(
        init.initiateTag(),
        localTag,
        init.initialTsn(),
        localInitialTsn,
        init.advertisedWindow(),
        init.outboundStreams(),
        init.inboundStreams(),
        init.forwardTsn(),
        init.reconfig(),
        nowMillis);
  }

  byte[] seal(byte[] secret) {
    byte[] out = new byte[LENGTH];
    Bytes.put32(out, 0, peerTag);
    Bytes.put32(out, 4, localTag);
    Bytes.put32(out, 8, peerInitialTsn);
    Bytes.put32(out, 12, localInitialTsn);
    Bytes.put32(out, 16, peerWindow);
    Bytes.put16(out, 20, peerOutboundStreams);
    Bytes.put16(out, 22, peerInboundStreams);
    out[24] = (byte) ((peerForwardTsn ? 1 : 0) | (peerReconfig ? 2 : 0));
    Bytes.put32(out, 25, createdAtMillis >>> 32);
    Bytes.put32(out, 29, createdAtMillis);
    System.arraycopy(mac(secret, out), 0, out, BODY, MAC);
    return out;
  }

  /**
   * Checks the signature and age of a cookie from a COOKIE ECHO.
   *
   * @throws IllegalArgumentException if forged, truncated or older than {@code lifetimeMillis}
   */
  static StateCookie open(
      byte[] b, int off, int len, byte[] secret, long nowMillis, long lifetimeMillis) {
    if (len != LENGTH) {
      throw new IllegalArgumentException(
          "state cookie of " + len + " bytes, expected " + LENGTH + ": not one of ours");
    }
    byte[] body = Arrays.copyOfRange(b, off, off + BODY);
    byte[] mac = Arrays.copyOfRange(b, off + BODY, off + LENGTH);
    if (!MessageDigest.isEqual(mac, mac(secret, body))) {
      throw new IllegalArgumentException("state cookie signature does not match");
    }
    long created = Bytes.u32(body, 25) << 32 | Bytes.u32(body, 29);
    if (nowMillis - created > lifetimeMillis || nowMillis < created) {
      throw new IllegalArgumentException(
          "stale state cookie: made " + (nowMillis - created) + " ms ago (RFC 9260 §5.1.5)");
    }
    return new StateCookie(
        Bytes.i32(body, 0),
        Bytes.i32(body, 4),
        Bytes.i32(body, 8),
        Bytes.i32(body, 12),
        Bytes.u32(body, 16),
        Bytes.u16(body, 20),
        Bytes.u16(body, 22),
        (body[24] & 1) != 0,
        (body[24] & 2) != 0,
        created);
  }

  private static byte[] mac(byte[] secret, byte[] body) {
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(new SecretKeySpec(secret, "HmacSHA256"));
      hmac.update(body, 0, BODY);
      return hmac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
