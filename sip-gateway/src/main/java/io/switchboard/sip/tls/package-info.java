/**
 * Certificates for SIP over TLS: our key and chain (PEM files, a PKCS12 keystore, or a
 * self-signed certificate for development), the trust anchors carriers are verified against (the
 * JVM's, or a CA file), and the {@link javax.net.ssl.SSLContext} made of both. The only package
 * that touches BouncyCastle in this module.
 */
package io.switchboard.sip.tls;
