package io.switchboard.agent.openai;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A {@code multipart/form-data} body (RFC 7578): text fields and one file. */
final class Multipart {
  private final String boundary;
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();

  /** {@code boundary} must not occur in any part; callers pass a random one. */
  Multipart(String boundary) {
    this.boundary = boundary;
  }

  String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  Multipart field(String name, String value) {
    write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
    return this;
  }

  Multipart file(String name, String fileName, String contentType, byte[] content) {
    write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
        + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
    body.writeBytes(content);
    write("\r\n");
    return this;
  }

  byte[] finish() {
    write("--" + boundary + "--\r\n");
    return body.toByteArray();
  }

  private void write(String s) {
    body.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }
}
