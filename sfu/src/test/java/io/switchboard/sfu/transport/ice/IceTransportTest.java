package io.switchboard.sfu.transport.ice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two real ice4j agents on 127.0.0.1 connect and carry datagrams both ways. */
class IceTransportTest {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  private final ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();
  private final List<AutoCloseable> toClose = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : toClose) {
      c.close();
    }
    readers.shutdownNow();
  }

  /** One end: its transport, what it received and the states it went through. */
  private final class End {
    final BlockingQueue<byte[]> received = new LinkedBlockingQueue<>();
    final List<IceState> states = new CopyOnWriteArrayList<>();
    final CountDownLatch connected = new CountDownLatch(1);
    final IceTransport ice;

    End(IceConfig config, IceRole role) throws Exception {
      ice =
          IceTransport.open(
              config,
              role,
              (buf, off, len) -> received.add(Arrays.copyOfRange(buf, off, off + len)),
              state -> {
                states.add(state);
                if (state == IceState.CONNECTED) {
                  connected.countDown();
                }
              },
              readers,
              Clock.systemUTC());
      toClose.add(ice);
    }
  }

  private static void introduce(End a, End b) {
    b.ice.localCandidates().forEach(a.ice::addRemoteCandidate);
    a.ice.localCandidates().forEach(b.ice::addRemoteCandidate);
    a.ice.start(b.ice.localParameters());
    b.ice.start(a.ice.localParameters());
  }

  private static void exchange(End a, End b) throws InterruptedException {
    assertTrue(a.connected.await(10, TimeUnit.SECONDS), "controlling end connects");
    assertTrue(b.connected.await(10, TimeUnit.SECONDS), "controlled end connects");
    byte[] ab = {(byte) 0x80, 0x60, 0x00, 0x01, 'h', 'e', 'l', 'l', 'o'};
    byte[] ba = {(byte) 0x80, 0x60, 0x00, 0x02, 'w', 'o', 'r', 'l', 'd'};
    // The controlled end may see CONNECTED before its peer has validated the reverse path;
    // the first datagrams can then be dropped, as on a real network, so resend until one arrives.
    assertArrayEquals(ab, sendUntilReceived(a, b, ab));
    assertArrayEquals(ba, sendUntilReceived(b, a, ba));
  }

  private static byte[] sendUntilReceived(End from, End to, byte[] payload)
      throws InterruptedException {
    for (int attempt = 0; attempt < 50; attempt++) {
      assertTrue(from.ice.send(payload, 0, payload.length), "send on a connected transport");
      byte[] got = to.received.poll(200, TimeUnit.MILLISECONDS);
      if (got != null) {
        return got;
      }
    }
    throw new AssertionError("no datagram arrived in 50 attempts");
  }

  @Test
  void twoDedicatedLoopbackTransportsConnectAndExchangeDatagrams() throws Exception {
    IceConfig config = new IceConfig(DedicatedSockets.ephemeral(LOOPBACK));
    End a = new End(config, IceRole.CONTROLLING);
    End b = new End(config, IceRole.CONTROLLED);
    assertEquals(IceState.NEW, a.ice.state());
    assertEquals(1, a.ice.localCandidates().size());
    IceCandidate host = a.ice.localCandidates().getFirst();
    assertEquals(IceCandidateType.HOST, host.type());
    assertEquals("127.0.0.1", host.address());

    introduce(a, b);
    exchange(a, b);
    assertEquals(List.of(IceState.CHECKING, IceState.CONNECTED), a.states);
    assertEquals(
        b.ice.localCandidates().getFirst().port(), a.ice.remoteAddress().orElseThrow().getPort());
  }

  /** The production layout: a browser-like full agent against our shared, ufrag-demuxed port. */
  @Test
  void aDedicatedTransportConnectsToOneOnASharedPort() throws Exception {
    try (SharedUdpPort port = SharedUdpPort.open(List.of(LOOPBACK), 0)) {
      End server = new End(new IceConfig(port), IceRole.CONTROLLED);
      End client =
          new End(new IceConfig(DedicatedSockets.ephemeral(LOOPBACK)), IceRole.CONTROLLING);
      assertEquals(
          port.localAddresses().getFirst().getPort(),
          server.ice.localCandidates().getFirst().port());
      introduce(client, server);
      exchange(client, server);
    }
  }

  /**
   * LiveKit's subscriber connection: we offer, so we control ICE from the shared port, where we
   * cannot send a check before the peer's first check opens the way.
   */
  @Test
  void aControllingTransportOnASharedPortConnects() throws Exception {
    try (SharedUdpPort port = SharedUdpPort.open(List.of(LOOPBACK), 0)) {
      End server = new End(new IceConfig(port), IceRole.CONTROLLING);
      End client =
          new End(new IceConfig(DedicatedSockets.ephemeral(LOOPBACK)), IceRole.CONTROLLED);
      introduce(server, client);
      exchange(server, client);
    }
  }

  @Test
  void twoTransportsShareOnePortAndEachGetsItsOwnPeer() throws Exception {
    try (SharedUdpPort port = SharedUdpPort.open(List.of(LOOPBACK), 0)) {
      End server1 = new End(new IceConfig(port), IceRole.CONTROLLED);
      End server2 = new End(new IceConfig(port), IceRole.CONTROLLED);
      End client1 =
          new End(new IceConfig(DedicatedSockets.ephemeral(LOOPBACK)), IceRole.CONTROLLING);
      End client2 =
          new End(new IceConfig(DedicatedSockets.ephemeral(LOOPBACK)), IceRole.CONTROLLING);
      introduce(client1, server1);
      introduce(client2, server2);
      exchange(client1, server1);
      exchange(client2, server2);
      assertTrue(server1.received.isEmpty() && server2.received.isEmpty(), "nothing crossed over");
    }
  }

  @Test
  void aNatMappingAddsAServerReflexiveCandidateOnTheSamePort() throws Exception {
    InetAddress advertised = InetAddress.getByName("203.0.113.10");
    IceConfig config =
        new IceConfig(DedicatedSockets.ephemeral(LOOPBACK))
            .withNatMapping(new NatMapping(LOOPBACK, advertised));
    End end = new End(config, IceRole.CONTROLLED);
    List<IceCandidate> candidates = end.ice.localCandidates();
    IceCandidate host =
        candidates.stream()
            .filter(c -> c.type() == IceCandidateType.HOST)
            .findFirst()
            .orElseThrow();
    IceCandidate mapped =
        candidates.stream()
            .filter(c -> c.type() == IceCandidateType.SRFLX)
            .findFirst()
            .orElseThrow();
    assertEquals("203.0.113.10", mapped.address());
    assertEquals(host.port(), mapped.port());
    assertEquals(new IceCandidate.RelatedAddress("127.0.0.1", host.port()), mapped.related());
    assertTrue(host.priority() > mapped.priority(), "host candidates are preferred");
  }

  @Test
  void unusableRemoteCandidatesAreSkipped() throws Exception {
    End end = new End(new IceConfig(DedicatedSockets.ephemeral(LOOPBACK)), IceRole.CONTROLLED);
    assertFalse(
        end.ice.addRemoteCandidate(
            IceCandidate.parse("candidate:1 2 udp 2122260222 127.0.0.1 5000 typ host")));
    assertFalse(
        end.ice.addRemoteCandidate(
            IceCandidate.parse(
                "candidate:1 1 tcp 1518280447 127.0.0.1 9 typ host tcptype active")));
    assertFalse(
        end.ice.addRemoteCandidate(
            IceCandidate.parse("candidate:1 1 udp 2122260223 abc.local 5000 typ host")));
    assertTrue(
        end.ice.addRemoteCandidate(
            IceCandidate.parse("candidate:1 1 udp 2122260223 127.0.0.1 5000 typ host")));
  }

  @Test
  void nothingIsSentBeforeConnectingOrAfterClosing() throws Exception {
    End end = new End(new IceConfig(DedicatedSockets.ephemeral(LOOPBACK)), IceRole.CONTROLLED);
    byte[] data = {(byte) 0x80, 0};
    assertFalse(end.ice.send(data, 0, data.length));
    end.ice.close();
    assertEquals(IceState.CLOSED, end.ice.state());
    assertFalse(end.ice.send(data, 0, data.length));
    assertEquals(List.of(IceState.CLOSED), end.states);
    assertNotNull(end.ice.localParameters());
  }
}
