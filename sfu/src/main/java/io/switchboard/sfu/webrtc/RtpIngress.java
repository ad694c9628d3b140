package io.switchboard.sfu.webrtc;

/** Where a publisher connection hands the decrypted RTP of one accepted section. */
public interface RtpIngress {
  void onRtp(byte[] buf, int off, int len);
}
