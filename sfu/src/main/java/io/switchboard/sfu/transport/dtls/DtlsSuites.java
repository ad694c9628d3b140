package io.switchboard.sfu.transport.dtls;

import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCrypto;

/** Versions and cipher suites both our DTLS roles use. */
final class DtlsSuites {
  private DtlsSuites() {}

  /**
   * Suites for an ECDSA certificate, strongest first. RFC 8827 §6.5 makes
   * TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 mandatory for WebRTC; the CBC suite serves old stacks.
   */
  private static final int[] SUITES = {
    CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
    CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
    CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
    CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
  };

  static int[] cipherSuites(TlsCrypto crypto) {
    return TlsUtils.getSupportedCipherSuites(crypto, SUITES);
  }

  /** DTLS 1.2 only: use_srtp keying for DTLS 1.3 is not settled in browsers. */
  static ProtocolVersion[] versions() {
    return ProtocolVersion.DTLSv12.only();
  }
}
