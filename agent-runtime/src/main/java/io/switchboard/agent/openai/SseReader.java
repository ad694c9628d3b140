package io.switchboard.agent.openai;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Server-sent events from a byte stream, as the HTML Living Standard's "event stream
 * interpretation" describes: lines end in LF, CR or CRLF; {@code data:} lines (one optional space
 * after the colon) accumulate, joined by LF, until a blank line dispatches them; lines starting
 * with a colon are comments (keep-alives); other fields ({@code event}, {@code id}, {@code retry})
 * are not used by chat completions and are skipped.
 */
final class SseReader {
  private final InputStream in;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
  private final StringBuilder data = new StringBuilder();
  private boolean hasData;
  private boolean pendingLf;

  SseReader(InputStream in) {
    this.in = in;
  }

  /** The next event's data, or null at the end of the stream (an unfinished event is dropped). */
  String next() throws IOException {
    String l;
    while ((l = readLine()) != null) {
      if (l.isEmpty()) {
        if (hasData) {
          String event = data.toString();
          data.setLength(0);
          hasData = false;
          return event;
        }
        continue;
      }
      if (l.charAt(0) == ':') {
        continue;
      }
      int colon = l.indexOf(':');
      String field = colon < 0 ? l : l.substring(0, colon);
      if (!field.equals("data")) {
        continue;
      }
      String value = colon < 0 ? "" : l.substring(colon + 1);
      if (value.startsWith(" ")) {
        value = value.substring(1);
      }
      if (hasData) {
        data.append('\n');
      }
      data.append(value);
      hasData = true;
    }
    return null;
  }

  private String readLine() throws IOException {
    line.reset();
    while (true) {
      int b = in.read();
      if (b < 0) {
        return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
      }
      if (pendingLf) {
        pendingLf = false;
        if (b == '\n') {
          continue; // the LF of a CRLF
        }
      }
      if (b == '\n') {
        return line.toString(StandardCharsets.UTF_8);
      }
      if (b == '\r') {
        pendingLf = true;
        return line.toString(StandardCharsets.UTF_8);
      }
      line.write(b);
    }
  }
}
