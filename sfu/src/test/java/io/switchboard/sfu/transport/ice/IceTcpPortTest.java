package io.switchboard.sfu.transport.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** The ICE-TCP port: what transports offer on it, and a clear error when it is taken. */
class IceTcpPortTest {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  @Test
  void transportsOfferAPassiveTcpCandidateOnTheSharedPort() throws Exception {
    try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();
        IceTcpPort tcp = IceTcpPort.open(List.of(LOOPBACK), 0, List.of(), readers)) {
      int port = tcp.localAddresses().getFirst().getPort();
      assertTrue(port > 0, "a free port was chosen: " + tcp);
      IceConfig config = new IceConfig(DedicatedSockets.ephemeral(LOOPBACK)).withTcp(tcp);
      try (IceTransport a = open(config, readers);
          IceTransport b = open(config, readers)) {
        for (IceTransport t : List.of(a, b)) {
          List<IceCandidate> tcpCandidates =
              t.localCandidates().stream().filter(c -> c.transport().equals("tcp")).toList();
          assertEquals(1, tcpCandidates.size(), t.localCandidates().toString());
          IceCandidate candidate = tcpCandidates.getFirst();
          assertEquals(port, candidate.port());
          assertEquals("passive", candidate.extensions().get("tcptype"), candidate.toSdp());
          long udpPriority =
              t.localCandidates().stream().filter(c -> c.transport().equals("udp")).findFirst().orElseThrow().priority();
          assertTrue(candidate.priority() < udpPriority, "UDP is preferred: " + t.localCandidates());
        }
      }
    }
  }

  @Test
  void aTakenPortIsReportedWithWhatToDo() throws Exception {
    try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();
        ServerSocket taken = new ServerSocket(0, 1, LOOPBACK)) {
      IOException e =
          assertThrows(
              IOException.class,
              () -> IceTcpPort.open(List.of(LOOPBACK), taken.getLocalPort(), List.of(), readers));
      assertTrue(e.getMessage().contains("rtc.tcp_port"), e.getMessage());
    }
  }

  private static IceTransport open(IceConfig config, ExecutorService readers) throws IOException {
    return IceTransport.open(config, IceRole.CONTROLLED, (b, o, l) -> {}, s -> {}, readers, Clock.systemUTC());
  }
}
