package io.switchboard.server.config;

/**
 * SIP over TLS (RFC 3261 §26): a TLS listening point for inbound calls, and what outbound trunks
 * with transport TLS connect with. Our certificate comes from {@code certFile} + {@code keyFile}
 * (PEM) or {@code keystoreFile} (PKCS#12, with {@code keystorePassword}); in development mode
 * without either, a self-signed one is made at startup. Carriers' certificates are verified
 * against the JVM's trust store, or only against the PEM CA certificates in {@code caFile}.
 */
public record SipTlsConfig(
    Boolean enabled,
    Integer port,
    String certFile,
    String keyFile,
    String keystoreFile,
    String keystorePassword,
    String caFile) {

  public static final SipTlsConfig DEFAULTS = new SipTlsConfig(null, null, null, null, null, null, null);

  public SipTlsConfig {
    enabled = enabled != null && enabled;
    port = port == null ? 5061 : port;
    certFile = certFile == null ? "" : certFile;
    keyFile = keyFile == null ? "" : keyFile;
    keystoreFile = keystoreFile == null ? "" : keystoreFile;
    keystorePassword = keystorePassword == null ? "" : keystorePassword;
    caFile = caFile == null ? "" : caFile;
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("sip.tls.port out of range: " + port);
    }
    if (certFile.isEmpty() != keyFile.isEmpty()) {
      throw new IllegalArgumentException("sip.tls: cert_file and key_file go together (PEM); set both or neither");
    }
    if (!certFile.isEmpty() && !keystoreFile.isEmpty()) {
      throw new IllegalArgumentException("sip.tls: set cert_file/key_file or keystore_file, not both");
    }
  }

  public SipTlsConfig withPort(int newPort) {
    return new SipTlsConfig(enabled, newPort, certFile, keyFile, keystoreFile, keystorePassword, caFile);
  }
}
