package io.switchboard.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of a SIP message (RFC 3261 §7) for a load generator: the start line, headers by
 * name (compact forms expanded) and the body.
 */
record SipMessage(String startLine, List<String[]> headers, String body) {
  private static final Pattern TAG = Pattern.compile(";\\s*tag=([^;>\\s,]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern URI_IN_BRACKETS = Pattern.compile("<([^>]+)>");
  private static final Pattern SDP_CONNECTION = Pattern.compile("(?m)^c=IN IP4 (\\S+)");
  private static final Pattern SDP_AUDIO_PORT = Pattern.compile("(?m)^m=audio (\\d+) ");

  static SipMessage parse(String text) {
    int split = text.indexOf("\r\n\r\n");
    String head = split < 0 ? text : text.substring(0, split);
    String body = split < 0 ? "" : text.substring(split + 4);
    String[] lines = head.split("\r\n");
    List<String[]> headers = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      if ((line.startsWith(" ") || line.startsWith("\t")) && !headers.isEmpty()) {
        String[] last = headers.getLast();
        last[1] = last[1] + " " + line.strip(); // RFC 3261 §7.3.1 line folding
        continue;
      }
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.add(new String[] {longName(line.substring(0, colon).strip()), line.substring(colon + 1).strip()});
      }
    }
    return new SipMessage(lines[0], headers, body);
  }

  private static String longName(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "i" -> "call-id";
      case "f" -> "from";
      case "t" -> "to";
      case "v" -> "via";
      case "m" -> "contact";
      case "l" -> "content-length";
      case "c" -> "content-type";
      default -> name.toLowerCase(Locale.ROOT);
    };
  }

  boolean isResponse() {
    return startLine.startsWith("SIP/2.0 ");
  }

  int status() {
    return Integer.parseInt(startLine.substring(8, 11));
  }

  String method() {
    return startLine.substring(0, startLine.indexOf(' '));
  }

  String header(String name) {
    for (String[] h : headers) {
      if (h[0].equals(name)) {
        return h[1];
      }
    }
    return null;
  }

  List<String> all(String name) {
    List<String> out = new ArrayList<>();
    for (String[] h : headers) {
      if (h[0].equals(name)) {
        out.add(h[1]);
      }
    }
    return out;
  }

  String cseqMethod() {
    String cseq = header("cseq");
    return cseq == null ? "" : cseq.substring(cseq.indexOf(' ') + 1).strip();
  }

  String toTag() {
    String to = header("to");
    if (to == null) {
      return null;
    }
    Matcher m = TAG.matcher(to);
    return m.find() ? m.group(1) : null;
  }

  /** The Contact URI, the target of in-dialog requests (RFC 3261 §12.1.2). */
  String contactUri() {
    String contact = header("contact");
    if (contact == null) {
      return null;
    }
    Matcher m = URI_IN_BRACKETS.matcher(contact);
    return m.find() ? m.group(1) : contact.split(";")[0].strip();
  }

  /** The SDP answer's audio address, or null without one. */
  java.net.InetSocketAddress sdpAudio() {
    Matcher c = SDP_CONNECTION.matcher(body);
    Matcher m = SDP_AUDIO_PORT.matcher(body);
    if (!c.find() || !m.find()) {
      return null;
    }
    return new java.net.InetSocketAddress(c.group(1), Integer.parseInt(m.group(1)));
  }
}
