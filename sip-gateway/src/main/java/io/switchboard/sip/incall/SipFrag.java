package io.switchboard.sip.incall;

import java.util.Optional;

/**
 * The status line of a {@code message/sipfrag} body (RFC 3420), as a NOTIFY for a REFER carries
 * it (RFC 3515 §2.4.5): the progress of the call the transferee placed, e.g.
 * {@code SIP/2.0 180 Ringing}.
 */
public record SipFrag(int status, String reason) {
  /** Reads the first line; empty when it is not a SIP/2.0 status line. */
  public static Optional<SipFrag> parse(String body) {
    String first = body.strip().lines().findFirst().orElse("").strip();
    String[] parts = first.split(" ", 3);
    if (parts.length < 2 || !parts[0].equalsIgnoreCase("SIP/2.0") || !parts[1].matches("[1-6][0-9][0-9]")) {
      return Optional.empty();
    }
    return Optional.of(new SipFrag(Integer.parseInt(parts[1]), parts.length > 2 ? parts[2].strip() : ""));
  }

  public boolean isFinal() {
    return status >= 200;
  }

  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  @Override
  public String toString() {
    return status + (reason.isEmpty() ? "" : " " + reason);
  }
}
