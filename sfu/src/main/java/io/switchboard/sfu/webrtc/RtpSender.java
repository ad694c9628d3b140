package io.switchboard.sfu.webrtc;

/** Sends one plaintext RTP packet on a connection (which encrypts a copy). */
@FunctionalInterface
public interface RtpSender {
  boolean sendRtp(byte[] buf, int off, int len);
}
