package io.switchboard.server.http;

/** Handles one request. May block: it runs on a virtual thread, never on an event loop. */
@FunctionalInterface
public interface HttpHandler {
  HttpReply handle(HttpExchange exchange) throws Exception;
}
