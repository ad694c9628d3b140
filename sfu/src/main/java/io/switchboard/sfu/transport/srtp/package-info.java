/**
 * SRTP and SRTCP (RFC 3711, RFC 7714) over jitsi-srtp: {@link
 * io.switchboard.sfu.transport.srtp.SrtpSession} protects and unprotects packets in place with keys
 * split from the DTLS export ({@link io.switchboard.sfu.transport.srtp.SrtpMasterKeys}).
 */
package io.switchboard.sfu.transport.srtp;
