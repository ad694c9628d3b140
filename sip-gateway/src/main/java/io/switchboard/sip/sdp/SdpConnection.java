package io.switchboard.sip.sdp;

import java.util.Objects;

/** A {@code c=} line: {@code IN IP4 203.0.113.1}. */
public record SdpConnection(String networkType, String addressType, String address) {
  public SdpConnection {
    Objects.requireNonNull(networkType, "networkType");
    Objects.requireNonNull(addressType, "addressType");
    Objects.requireNonNull(address, "address");
  }

  public static SdpConnection ip4(String address) {
    return new SdpConnection("IN", "IP4", address);
  }

  public static SdpConnection forAddress(String address) {
    return new SdpConnection("IN", address.indexOf(':') >= 0 ? "IP6" : "IP4", address);
  }

  /**
   * RFC 2543 hold: a connection address of 0.0.0.0 means "do not send to me" (RFC 3264
   * §8.4 asks answerers to still understand it).
   */
  public boolean isHoldAddress() {
    return address.equals("0.0.0.0") || address.equals("::");
  }

  public String format() {
    return networkType + " " + addressType + " " + address;
  }
}
