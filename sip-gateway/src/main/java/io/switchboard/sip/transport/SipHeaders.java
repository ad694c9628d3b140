package io.switchboard.sip.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The headers of a message in arrival order, looked up by case-insensitive name. */
public record SipHeaders(List<SipHeader> all) {
  public SipHeaders {
    all = List.copyOf(all);
  }

  public static SipHeaders of(SipHeader... headers) {
    return new SipHeaders(List.of(headers));
  }

  public Optional<String> first(String name) {
    for (SipHeader header : all) {
      if (header.name().equalsIgnoreCase(name)) {
        return Optional.of(header.value());
      }
    }
    return Optional.empty();
  }

  public List<String> values(String name) {
    List<String> values = new ArrayList<>();
    for (SipHeader header : all) {
      if (header.name().equalsIgnoreCase(name)) {
        values.add(header.value());
      }
    }
    return values;
  }

  /**
   * The comma-separated tokens of every header with this name, trimmed: {@code Supported: timer, 100rel}
   * and two {@code Supported} lines read the same.
   */
  public List<String> tokens(String name) {
    List<String> tokens = new ArrayList<>();
    for (String value : values(name)) {
      for (String token : value.split(",")) {
        if (!token.isBlank()) {
          tokens.add(token.strip());
        }
      }
    }
    return tokens;
  }

  public boolean hasToken(String name, String token) {
    return tokens(name).stream().anyMatch(t -> t.equalsIgnoreCase(token));
  }
}
