package io.switchboard.sip.sdp;

import java.util.Objects;

/**
 * One {@code a=} line: a property attribute ({@code a=sendonly}, value null) or a value
 * attribute ({@code a=rtpmap:0 PCMU/8000}).
 */
public record SdpAttribute(String name, String value) {
  public SdpAttribute {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("attribute name is empty");
    }
  }

  public static SdpAttribute flag(String name) {
    return new SdpAttribute(name, null);
  }

  public static SdpAttribute of(String name, String value) {
    return new SdpAttribute(name, value);
  }

  /** The text after {@code a=}. */
  public String format() {
    return value == null ? name : name + ":" + value;
  }
}
