package io.switchboard.sip.transport;

import java.util.Objects;

/** One header line: its name as the stack reports it (long form) and its value. */
public record SipHeader(String name, String value) {
  public SipHeader {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }
}
