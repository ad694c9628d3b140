package io.switchboard.server.http;

import java.util.Map;

/** A complete HTTP request, decoupled from Netty. Header names are lower-case. */
public record HttpExchange(String method, String path, String query, Map<String, String> headers, byte[] body) {
  public String header(String name) {
    return headers.get(name.toLowerCase(java.util.Locale.ROOT));
  }
}
