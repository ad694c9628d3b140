package io.switchboard.sfu.transport.dtls;

import io.switchboard.sfu.transport.srtp.SrtpProfile;
import java.io.IOException;
import java.util.Hashtable;
import java.util.List;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ExporterLabel;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;

/**
 * The DTLS server side of DTLS-SRTP: requires a client certificate (checked against the signalled
 * fingerprint), negotiates use_srtp and exports the SRTP keying material on completion.
 */
final class SrtpTlsServer extends DefaultTlsServer {
  private final DtlsCertificate certificate;
  private final List<SrtpProfile> profiles;
  private final FingerprintVerifier verifier;
  private final int handshakeTimeoutMillis;
  private final AlertObserver alerts;
  private SrtpProfile chosen;
  private boolean peerVerified;
  private byte[] keyingMaterial;

  SrtpTlsServer(
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
  public void processClientExtensions(Hashtable clientExtensions) throws IOException {
    super.processClientExtensions(clientExtensions);
    chosen = SrtpProfiles.choose(profiles, clientExtensions);
  }

  @Override
  @SuppressWarnings("unchecked")
  public Hashtable getServerExtensions() throws IOException {
    Hashtable<Object, Object> extensions = super.getServerExtensions();
    TlsSRTPUtils.addUseSRTPExtension(extensions, SrtpProfiles.answer(chosen));
    return extensions;
  }

  @Override
  protected TlsCredentialedSigner getECDSASignerCredentials() {
    return new BcDefaultTlsCredentialedSigner(
        new TlsCryptoParameters(context),
        certificate.crypto(),
        certificate.privateKey(),
        certificate.chain(),
        new SignatureAndHashAlgorithm(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa));
  }

  /** WebRTC is mutually authenticated: the client must present the certificate it signalled. */
  @Override
  public CertificateRequest getCertificateRequest() {
    short[] types = {ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign};
    return new CertificateRequest(
        types, TlsUtils.getDefaultSupportedSignatureAlgorithms(context), null);
  }

  @Override
  public void notifyClientCertificate(Certificate clientCertificate) throws IOException {
    verifier.verify(clientCertificate);
    peerVerified = true;
  }

  @Override
  public void notifyHandshakeComplete() throws IOException {
    super.notifyHandshakeComplete();
    if (!peerVerified) {
      throw new TlsFatalAlert(
          AlertDescription.handshake_failure, "the client was not authenticated by certificate");
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
