package io.switchboard.server.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A complete HTTP response. */
public record HttpReply(int status, String contentType, byte[] body, Map<String, String> headers) {
  public HttpReply {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }

  public static HttpReply text(int status, String text) {
    return new HttpReply(status, "text/plain", text.getBytes(StandardCharsets.UTF_8), null);
  }
}
