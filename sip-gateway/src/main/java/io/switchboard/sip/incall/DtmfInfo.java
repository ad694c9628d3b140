package io.switchboard.sip.incall;

import io.switchboard.media.dtmf.DtmfDigit;
import io.switchboard.sip.transport.OutgoingRequest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * DTMF carried in SIP INFO bodies. There is no RFC for them; what carriers and PBXs send is
 * {@code application/dtmf-relay} ({@code Signal=5\r\nDuration=160}, Cisco's format, the most
 * common) and {@code application/dtmf} (the key alone). Both sometimes spell * and # as the RFC
 * 4733 event codes 10 and 11, which are read too.
 */
public final class DtmfInfo {
  public static final String RELAY = "application/dtmf-relay";
  public static final String PLAIN = "application/dtmf";
  /** The Accept header of a 415 to an INFO we cannot read (RFC 6086 §4.2.2). */
  public static final String ACCEPT = RELAY + ", " + PLAIN;

  private DtmfInfo() {}

  /** What an INFO request carried. */
  public sealed interface Body {
    record Digit(DtmfDigit digit) implements Body {}

    /** No body: a keep-alive or legacy probe; answered 200 (RFC 6086 §4.2.1). */
    record Empty() implements Body {}

    /** A body of another type; answered 415 with {@link #ACCEPT}. */
    record Unsupported(String contentType) implements Body {}

    /** A DTMF body we cannot read; answered 400 naming the problem. */
    record Malformed(String problem) implements Body {}
  }

  /** Reads an INFO body given its media type (lower case, without parameters). */
  public static Body read(String contentType, String body) {
    if (body.isBlank()) {
      return new Body.Empty();
    }
    return switch (contentType) {
      case RELAY -> relay(body);
      case PLAIN -> key(body.strip(), "application/dtmf body");
      default -> new Body.Unsupported(contentType.isEmpty() ? "(no Content-Type)" : contentType);
    };
  }

  /** An INFO request keying {@code digit} in the dtmf-relay format, which every reader accepts. */
  public static OutgoingRequest request(DtmfDigit digit, Duration duration) {
    String body = "Signal=" + digit.symbol() + "\r\nDuration=" + duration.toMillis() + "\r\n";
    return new OutgoingRequest("INFO", List.of(), body, RELAY);
  }

  private static Body relay(String body) {
    for (String line : body.split("\r?\n")) {
      int eq = line.indexOf('=');
      if (eq > 0 && line.substring(0, eq).strip().toLowerCase(Locale.ROOT).equals("signal")) {
        return key(line.substring(eq + 1).strip(), "Signal");
      }
    }
    return new Body.Malformed("application/dtmf-relay body has no Signal= line");
  }

  private static Body key(String value, String what) {
    if (value.length() == 1) {
      try {
        return new Body.Digit(DtmfDigit.ofSymbol(value.charAt(0)));
      } catch (IllegalArgumentException e) {
        return new Body.Malformed(what + " '" + value + "' is not a DTMF key");
      }
    }
    if (value.matches("1[0-5]")) {
      return new Body.Digit(DtmfDigit.ofEvent(Integer.parseInt(value)));
    }
    return new Body.Malformed(what + " '" + value + "' is not a DTMF key (0-9, *, #, A-D or events 10-15)");
  }
}
