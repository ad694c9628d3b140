package io.switchboard.sfu.transport.sctp;

/**
 * One WebRTC data channel (RFC 8831): an SCTP stream pair opened in-band with DCEP. Callbacks run
 * on the thread that feeds the association and must not block; sending from them is fine.
 */
public interface DataChannel {
  /** Receives a message; the payload array is the receiver's to keep. */
  @FunctionalInterface
  interface MessageHandler {
    void onMessage(byte[] payload, boolean binary);
  }

  enum State {
    CONNECTING,
    OPEN,
    CLOSING,
    CLOSED
  }

  /** The SCTP stream id: even if the DTLS client opened it, odd if the server did (RFC 8832 §6). */
  int id();

  String label();

  ChannelOptions options();

  default boolean ordered() {
    return options().ordered();
  }

  /** Retransmissions allowed, or -1 for reliable. */
  default int maxRetransmits() {
    return options().maxRetransmits();
  }

  State state();

  /**
   * Queues a binary message (PPID 53, or 57 if empty). The array is sent from where it is: do not
   * change it until the association's buffered amount shows it gone.
   *
   * @return false if the channel is not open or the send buffer is full
   * @throws IllegalArgumentException if larger than the maximum message size
   */
  boolean send(byte[] message);

  /** Queues a UTF-8 text message (PPID 51, or 56 if empty). */
  boolean send(String message);

  /** Bytes sent on this channel and not yet acknowledged or given up (W3C bufferedAmount). */
  long bufferedAmount();

  void onMessage(MessageHandler handler);

  /** Runs when the channel opens, or at once if it is open. */
  void onOpen(Runnable handler);

  /** Runs once both directions of the stream are reset, or the association ends. */
  void onClose(Runnable handler);

  /** Resets our outgoing stream; the peer resets its own and the channel closes (§6.7). */
  void close();
}
