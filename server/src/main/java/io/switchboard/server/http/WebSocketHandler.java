package io.switchboard.server.http;

import java.util.function.Function;

/**
 * Decides on a WebSocket upgrade request. Runs on the network thread: it must be quick (a token
 * check, no I/O).
 */
@FunctionalInterface
public interface WebSocketHandler {
  Upgrade upgrade(HttpExchange request);

  /** The decision. */
  sealed interface Upgrade {}

  /** Refuse the upgrade with a plain HTTP reply (a 401 for a bad token, say). */
  record Refuse(HttpReply reply) implements Upgrade {}

  /** Complete the handshake; {@code open} is called once with the new connection. */
  record Accept(Function<WebSocketPeer, WebSocketListener> open) implements Upgrade {}
}
