package io.switchboard.sip.transport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** Which Contact addresses mark a peer as behind NAT (the e2e proof is HangupSippTest). */
class NatPeersTest {
  @Test
  void privateSharedAndLinkLocalAddressesAreNatted() {
    for (String a : new String[] {"10.1.2.3", "172.16.0.9", "172.31.255.1", "192.168.77.10", "100.64.0.1",
        "100.127.255.254", "169.254.10.10", "fe80::1"}) {
      assertTrue(NatPeers.isPrivate(InetAddress.ofLiteral(a)), a);
    }
    for (String a : new String[] {"203.0.113.5", "8.8.8.8", "172.32.0.1", "100.128.0.1", "127.0.0.1"}) {
      assertFalse(NatPeers.isPrivate(InetAddress.ofLiteral(a)), a);
    }
  }
}
