package io.switchboard.sip.header;

import java.util.Map;
import java.util.Objects;

/**
 * A name-addr or addr-spec header value: {@code "Alice" <sip:alice@example.com>;tag=1928}
 * (RFC 3261 §20.10, §25.1). Used for From, To, P-Asserted-Identity, Diversion.
 *
 * @param displayName unquoted display name, empty when absent
 * @param uri the URI text between the angle brackets
 * @param params header parameters (tag, reason, counter...), names lower-cased
 */
public record NameAddr(String displayName, String uri, Map<String, String> params) {
  public NameAddr {
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(uri, "uri");
    params = Map.copyOf(params);
  }

  public String param(String name) {
    return params.get(name);
  }
}
