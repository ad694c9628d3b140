package io.switchboard.server;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;

/** Picks the address peers should send to when we listen on a wildcard address. */
final class NetworkAddresses {
  private NetworkAddresses() {}

  /**
   * The configured external address; else the bind address unless it is a wildcard; else the
   * first non-loopback IPv4 address of an interface that is up; else loopback.
   */
  static String advertised(String externalAddress, String bindAddress) {
    if (!externalAddress.isBlank()) {
      return externalAddress;
    }
    if (!bindAddress.equals("0.0.0.0") && !bindAddress.equals("::")) {
      return bindAddress;
    }
    try {
      for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nif.isUp() || nif.isLoopback()) {
          continue;
        }
        for (InetAddress address : Collections.list(nif.getInetAddresses())) {
          if (address instanceof Inet4Address && !address.isLinkLocalAddress()) {
            return address.getHostAddress();
          }
        }
      }
    } catch (SocketException e) {
      // fall through to loopback
    }
    return "127.0.0.1";
  }
}
