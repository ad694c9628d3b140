package io.switchboard.server.e2e;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.ServerSocket;

/** Ports for the phones of end-to-end tests. */
final class FreePorts {
  private FreePorts() {}

  /** A free port whose successor is free too (baresip binds SIP on port and TLS on port+1). */
  static int pair() throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      int port;
      try (ServerSocket probe = new ServerSocket(0)) {
        port = probe.getLocalPort();
      }
      try (ServerSocket next = new ServerSocket(port + 1); DatagramSocket udp = new DatagramSocket(port)) {
        return port;
      } catch (IOException taken) {
        // try another
      }
    }
    throw new IOException("no two consecutive free ports");
  }

  /** A free TCP port (for a control socket). */
  static int one() throws IOException {
    try (ServerSocket probe = new ServerSocket(0)) {
      return probe.getLocalPort();
    }
  }
}
