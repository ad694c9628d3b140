package io.switchboard.sfu.transport.ice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A peer that can only use TCP reaches a transport through the shared ICE-TCP port, in both roles
 * the server plays (controlled for a publisher connection, controlling for a subscriber one), and
 * datagrams flow both ways on the selected TCP pair.
 */
class IceTcpConnectivityTest {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  private static final IceParameters PEER = new IceParameters("peer", "peerpasswordpeerpassword");

  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final BlockingQueue<byte[]> serverReceived = new LinkedBlockingQueue<>();
  private final CountDownLatch connected = new CountDownLatch(1);
  private IceTcpPort tcp;

  @BeforeEach
  void open() throws Exception {
    tcp = IceTcpPort.open(List.of(LOOPBACK), 0, List.of(), executor);
  }

  @AfterEach
  void close() {
    tcp.close();
    executor.shutdownNow();
  }

  @Test
  void aTcpOnlyPeerConnectsToAControlledTransport() throws Exception {
    try (IceTransport server = transport(IceRole.CONTROLLED);
        ActiveTcpPeer peer = new ActiveTcpPeer(tcpCandidate(server), PEER, server.localParameters())) {
      server.start(PEER);
      peer.sendCheck(true); // the controlling peer nominates with its check
      assertNotNull(peer.checkAnswered.poll(10, TimeUnit.SECONDS), "our check was not answered");
      exchange(server, peer);
    }
  }

  @Test
  void aControllingTransportNominatesTheTcpPair() throws Exception {
    try (IceTransport server = transport(IceRole.CONTROLLING);
        ActiveTcpPeer peer = new ActiveTcpPeer(tcpCandidate(server), PEER, server.localParameters())) {
      server.start(PEER);
      peer.sendCheck(false); // a passive candidate is found by the peer's check, then checked back
      assertNotNull(peer.nominatedByServer.poll(10, TimeUnit.SECONDS), "the server did not nominate the pair");
      exchange(server, peer);
    }
  }

  /** A shared UDP port delivers by ice4j's push API; TCP still comes through the component socket. */
  @Test
  void besideASharedUdpPortTheTcpPathWorksToo() throws Exception {
    try (SharedUdpPort udp = SharedUdpPort.open(List.of(LOOPBACK), 0);
        IceTransport server = transport(IceRole.CONTROLLED, new IceConfig(udp).withTcp(tcp));
        ActiveTcpPeer peer = new ActiveTcpPeer(tcpCandidate(server), PEER, server.localParameters())) {
      server.start(PEER);
      peer.sendCheck(true);
      assertNotNull(peer.checkAnswered.poll(10, TimeUnit.SECONDS), "our check was not answered");
      exchange(server, peer);
    }
  }

  private void exchange(IceTransport server, ActiveTcpPeer peer) throws Exception {
    assertTrue(connected.await(10, TimeUnit.SECONDS), "the transport did not connect");
    for (int i = 0; i < 100 && server.selectedTransport().isEmpty(); i++) {
      Thread.sleep(100); // CONNECTED comes with the first valid pair; selection after nomination
    }
    assertEquals("tcp", server.selectedTransport().orElse("none"), "selected pair");
    byte[] down = {(byte) 0x80, 0x6f, 0, 1, 'd', 'o', 'w', 'n'};
    assertTrue(server.send(down, 0, down.length));
    assertArrayEquals(down, peer.received.poll(10, TimeUnit.SECONDS), "the peer got our datagram");
    byte[] up = {(byte) 0x80, 0x6f, 0, 2, 'u', 'p'};
    peer.sendPayload(up);
    assertArrayEquals(up, serverReceived.poll(10, TimeUnit.SECONDS), "we got the peer's datagram");
  }

  private IceTransport transport(IceRole role) throws Exception {
    return transport(role, new IceConfig(DedicatedSockets.ephemeral(LOOPBACK)).withTcp(tcp));
  }

  private IceTransport transport(IceRole role, IceConfig config) throws Exception {
    return IceTransport.open(
        config,
        role,
        (buf, off, len) -> serverReceived.add(Arrays.copyOfRange(buf, off, off + len)),
        state -> {
          if (state == IceState.CONNECTED) {
            connected.countDown();
          }
        },
        executor,
        Clock.systemUTC());
  }

  private static InetSocketAddress tcpCandidate(IceTransport server) {
    IceCandidate c = server.localCandidates().stream().filter(x -> x.transport().equals("tcp")).findFirst().orElseThrow();
    return new InetSocketAddress(c.address(), c.port());
  }
}
