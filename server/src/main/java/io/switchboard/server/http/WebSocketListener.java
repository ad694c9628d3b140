package io.switchboard.server.http;

/**
 * Receives what arrives on one WebSocket, in order, on the connection's network thread: it must
 * not block (hand work to an executor).
 */
public interface WebSocketListener {
  void onBinary(byte[] message);

  /** A text message; WebSocket endpoints that speak only binary ignore it. */
  default void onText(String message) {}

  /** The connection is gone (closed by either side or broken). Called once. */
  void onClosed();
}
