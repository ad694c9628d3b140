package io.switchboard.sfu.transport.dtls;

import io.switchboard.sfu.transport.srtp.SrtpProfile;
import java.io.IOException;
import java.util.Hashtable;
import java.util.List;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ExporterLabel;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;

/**
 * The DTLS client side of DTLS-SRTP: offers our SRTP profiles, checks the server certificate
 * against the signalled fingerprint, presents ours, and exports the keying material on completion.
 */
final class SrtpTlsClient extends DefaultTlsClient {
  private final DtlsCertificate certificate;
  private final List<SrtpProfile> profiles;
  private final FingerprintVerifier verifier;
  private final int handshakeTimeoutMillis;
  private final AlertObserver alerts;
  private SrtpProfile chosen;
  private boolean peerVerified;
  private byte[] keyingMaterial;

  SrtpTlsClient(
      DtlsCertificate certificate,
      List<SrtpProfile> profiles,
      FingerprintVerifier verifier,
      int handshakeTimeoutMillis,
      AlertObserver alerts) {
    super(certificate.crypto());
    this.certificate = certificate;
    this.profiles = profiles;
    this.verifier = verifier;
    this.handshakeTimeoutMillis = handshakeTimeoutMillis;
    this.alerts = alerts;
  }

  @Override
  protected ProtocolVersion[] getSupportedVersions() {
    return DtlsSuites.versions();
  }

  @Override
  protected int[] getSupportedCipherSuites() {
    return DtlsSuites.cipherSuites(getCrypto());
  }

  @Override
  public boolean requiresExtendedMasterSecret() {
    return true; // RFC 7627 §5.4: the exporter is unsafe without it, and BC refuses to export
  }

  @Override
  public int getHandshakeTimeoutMillis() {
    return handshakeTimeoutMillis;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Hashtable getClientExtensions() throws IOException {
    Hashtable<Object, Object> extensions = super.getClientExtensions();
    TlsSRTPUtils.addUseSRTPExtension(extensions, SrtpProfiles.offer(profiles));
    return extensions;
  }

  @Override
  public void processServerExtensions(Hashtable serverExtensions) throws IOException {
    super.processServerExtensions(serverExtensions);
    chosen = SrtpProfiles.selected(profiles, serverExtensions);
  }

  @Override
  public TlsAuthentication getAuthentication() {
    return new TlsAuthentication() {
      @Override
      public void notifyServerCertificate(TlsServerCertificate serverCertificate)
          throws IOException {
        verifier.verify(serverCertificate.getCertificate());
        peerVerified = true;
      }

      @Override
      public TlsCredentials getClientCredentials(CertificateRequest request) {
        return new BcDefaultTlsCredentialedSigner(
            new TlsCryptoParameters(context),
            certificate.crypto(),
            certificate.privateKey(),
            certificate.chain(),
            new SignatureAndHashAlgorithm(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa));
      }
    };
  }

  @Override
  public void notifyHandshakeComplete() throws IOException {
    super.notifyHandshakeComplete();
    if (!peerVerified) {
      throw new TlsFatalAlert(
          AlertDescription.handshake_failure, "the server was not authenticated by certificate");
    }
    keyingMaterial =
        context.exportKeyingMaterial(ExporterLabel.dtls_srtp, null, chosen.keyingMaterialLength());
  }

  @Override
  public void notifyAlertReceived(short alertLevel, short alertDescription) {
    alerts.alertReceived(alertDescription);
  }

  SrtpProfile chosenProfile() {
    return chosen;
  }

  byte[] keyingMaterial() {
    return keyingMaterial;
  }
}
