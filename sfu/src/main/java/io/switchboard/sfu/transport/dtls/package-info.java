/**
 * DTLS-SRTP (RFC 5763/5764) over BouncyCastle: a self-signed ECDSA P-256 {@link
 * io.switchboard.sfu.transport.dtls.DtlsCertificate}, fingerprints and {@code a=setup} from SDP,
 * and the push-to-pull {@link io.switchboard.sfu.transport.dtls.DtlsStack} that exports SRTP keys.
 */
package io.switchboard.sfu.transport.dtls;
