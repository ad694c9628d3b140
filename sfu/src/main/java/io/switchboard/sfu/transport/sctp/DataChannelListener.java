package io.switchboard.sfu.transport.sctp;

/** Hears about channels the peer opens and the association's life. Must not block. */
public interface DataChannelListener {
  /** A channel the peer opened with DATA_CHANNEL_OPEN; set handlers on it here. */
  void onDataChannel(DataChannel channel);

  default void onEstablished() {}

  default void onClosed(String reason) {}
}
