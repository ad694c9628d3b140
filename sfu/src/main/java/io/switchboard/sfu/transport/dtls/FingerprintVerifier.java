package io.switchboard.sfu.transport.dtls;

import java.io.IOException;
import java.util.List;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.TlsFatalAlert;

/**
 * Checks the peer's certificate against the fingerprints signalled in SDP. RFC 8122 §5: use the
 * peer's fingerprints under our most preferred hash function among those it offered, and require
 * the certificate to match one of them.
 */
final class FingerprintVerifier {
  /** Most preferred first. */
  private static final List<String> PREFERENCE =
      List.of("sha-512", "sha-384", "sha-256", "sha-224", "sha-1");

  private volatile List<DtlsFingerprint> expected = List.of();

  void expect(List<DtlsFingerprint> fingerprints) {
    expected = List.copyOf(fingerprints);
  }

  /** Throws a bad_certificate alert unless the end-entity certificate matches. */
  void verify(Certificate peer) throws IOException {
    if (peer == null || peer.isEmpty()) {
      throw new TlsFatalAlert(AlertDescription.bad_certificate, "the peer sent no certificate");
    }
    List<DtlsFingerprint> offered = expected;
    if (offered.isEmpty()) {
      throw new TlsFatalAlert(
          AlertDescription.bad_certificate, "no remote fingerprint was signalled to check against");
    }
    String hash =
        PREFERENCE.stream()
            .filter(h -> offered.stream().anyMatch(f -> f.hashFunction().equals(h)))
            .findFirst()
            .orElseThrow();
    byte[] der = peer.getCertificateAt(0).getEncoded();
    for (DtlsFingerprint f : offered) {
      if (f.hashFunction().equals(hash) && f.matches(der)) {
        return;
      }
    }
    throw new TlsFatalAlert(
        AlertDescription.bad_certificate,
        "peer certificate " + DtlsFingerprint.of(hash, der) + " matches no signalled fingerprint");
  }
}
