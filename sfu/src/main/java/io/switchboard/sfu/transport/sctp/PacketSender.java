package io.switchboard.sfu.transport.sctp;

/** Where SCTP packets go: into DTLS application data. The bytes are valid only during the call. */
@FunctionalInterface
public interface PacketSender {
  void send(byte[] buf, int off, int len);
}
