package io.switchboard.server.http;

/** The server's end of an accepted WebSocket, decoupled from Netty. Thread-safe. */
public interface WebSocketPeer {
  /** Sends one binary message. */
  void sendBinary(byte[] message);

  /** Sends a close frame (RFC 6455 §7.4 status) and closes the connection. */
  void close(int status, String reason);
}
