package io.switchboard.sfu.transport.sctp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.sfu.transport.dtls.DtlsRole;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Two of our associations over a simulated link, clean or lossy, in virtual time. */
class AssociationTest {
  private static final SctpConfig CONFIG = SctpConfig.defaults();

  private final SimulatedNetwork net = new SimulatedNetwork(42);
  private final SimPeer client = new SimPeer(net, CONFIG, 1);
  private final SimPeer server = new SimPeer(net, CONFIG, 2);

  private void establish(boolean bothInitiate) {
    SimPeer.connect(client, server);
    client.association.start(DtlsRole.CLIENT);
    if (bothInitiate) {
      server.association.start(DtlsRole.SERVER);
    }
    net.runUntil(() -> client.established && server.established, 10_000, "established");
    assertEquals(SctpState.ESTABLISHED, client.association.state());
    assertEquals(SctpState.ESTABLISHED, server.association.state());
  }

  private void lossy(double loss, double duplication, int jitter) {
    for (SimulatedNetwork.Link l : List.of(client.out, server.out)) {
      l.loss = loss;
      l.duplication = duplication;
      l.jitterMillis = jitter;
    }
  }

  @Test
  void oneSideInitiatesAndChannelsOpenBothWays() {
    establish(false);
    server.association.start(DtlsRole.SERVER); // late start only fixes the stream id parity
    DataChannel reliable = client.open("_reliable", ChannelOptions.reliable());
    DataChannel fromServer = server.open("server-opened", ChannelOptions.reliable());
    assertEquals(0, reliable.id(), "the DTLS client takes even ids (RFC 8832 §6)");
    assertEquals(1, fromServer.id(), "the DTLS server takes odd ids");
    assertEquals(DataChannel.State.OPEN, reliable.state());
    assertTrue(reliable.send("hello"));
    assertTrue(fromServer.send(new byte[] {1, 2, 3}));
    net.runUntil(() -> !server.messages("_reliable").isEmpty()
        && !client.messages("server-opened").isEmpty(), 5_000, "messages");
    assertEquals(List.of("hello"), server.texts("_reliable"));
    assertArrayEquals(new byte[] {1, 2, 3}, client.messages("server-opened").getFirst());
    DataChannel seen = server.channels.get("_reliable");
    assertEquals(0, seen.id());
    assertTrue(seen.ordered());
    assertEquals(-1, seen.maxRetransmits());
  }

  @Test
  void simultaneousInitsMeetInOneAssociation() {
    establish(true);
    DataChannel a = client.open("a", ChannelOptions.reliable());
    a.send("");
    a.send(new byte[0]);
    net.runUntil(() -> server.messages("a").size() == 2, 5_000, "empty messages");
    assertEquals(0, server.messages("a").get(0).length, "empty string (PPID 56) arrives empty");
    assertEquals(0, server.messages("a").get(1).length, "empty binary (PPID 57) arrives empty");
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void orderedReliableOverALossyLinkDeliversEachMessageOnceInOrder(long seed) {
    SimulatedNetwork lossyNet = new SimulatedNetwork(seed);
    SimPeer a = new SimPeer(lossyNet, CONFIG, seed * 10);
    SimPeer b = new SimPeer(lossyNet, CONFIG, seed * 10 + 1);
    SimPeer.connect(a, b);
    for (SimulatedNetwork.Link l : List.of(a.out, b.out)) {
      l.loss = 0.1;
      l.duplication = 0.05;
      l.jitterMillis = 40;
    }
    a.association.start(DtlsRole.CLIENT);
    b.association.start(DtlsRole.SERVER);
    DataChannel ch = a.open("_reliable", ChannelOptions.reliable());
    Random sizes = new Random(seed);
    List<byte[]> sent = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      byte[] m = new byte[1 + sizes.nextInt(i % 10 == 0 ? 5000 : 300)];
      sizes.nextBytes(m);
      m[0] = (byte) i;
      sent.add(m);
      assertTrue(ch.send(m), "message " + i + " queued");
    }
    long total = sent.stream().mapToLong(m -> m.length).sum();
    assertEquals(total, ch.bufferedAmount(), "everything queued, nothing acknowledged yet");
    lossyNet.runUntil(() -> b.messages("_reliable").size() >= sent.size(), 600_000, "all delivered");
    lossyNet.runFor(5_000); // late duplicates must not deliver anything twice
    List<byte[]> got = b.messages("_reliable");
    assertEquals(sent.size(), got.size(), "each message exactly once");
    for (int i = 0; i < sent.size(); i++) {
      assertArrayEquals(sent.get(i), got.get(i), "message " + i + " in order and intact");
    }
    assertEquals(0, a.association.bufferedAmount(), "everything acknowledged");
    assertEquals(0, ch.bufferedAmount());
  }

  @Test
  void unorderedReliableDeliversEachMessageOnce() {
    establish(true);
    lossy(0.15, 0.1, 60);
    DataChannel ch = client.open("u", new ChannelOptions(false, -1, -1, ""));
    Set<String> sent = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      sent.add("m" + i);
      ch.send("m" + i);
    }
    net.runUntil(() -> server.messages("u").size() >= 200, 600_000, "unordered delivered");
    net.runFor(5_000);
    List<String> got = server.texts("u");
    assertEquals(200, got.size());
    assertEquals(sent, new HashSet<>(got));
  }

  @Test
  void aQuarterMebibyteMessageIsFragmentedAndReassembledOverLoss() {
    establish(true);
    lossy(0.05, 0.02, 20);
    DataChannel ch = client.open("big", ChannelOptions.reliable());
    byte[] big = new byte[256 * 1024];
    new Random(7).nextBytes(big);
    assertTrue(ch.send(big));
    assertTrue(ch.send("after"));
    net.runUntil(() -> server.messages("big").size() == 2, 600_000, "big message");
    assertArrayEquals(big, server.messages("big").get(0));
    assertEquals("after", server.texts("big").get(1));
  }

  @Test
  void lossyChannelNeverRetransmitsAndDoesNotStallTheReliableOne() {
    establish(true);
    DataChannel lossyCh = client.open("_lossy", ChannelOptions.lossy());
    DataChannel reliable = client.open("_reliable", ChannelOptions.reliable());
    net.runFor(1_000); // DCEP ACKs arrive: _lossy is unordered from now on
    Map<Integer, Integer> timesSent = new HashMap<>();
    client.out.tap(p -> forEachData(p, (tsn, stream) -> {
      if (stream == lossyCh.id()) {
        timesSent.merge(tsn, 1, Integer::sum);
      }
    }));
    lossy(0.2, 0, 30);
    for (int i = 0; i < 200; i++) {
      lossyCh.send("lossy " + i);
      if (i % 20 == 0) {
        reliable.send("reliable " + i);
      }
    }
    net.runUntil(() -> server.messages("_reliable").size() == 10, 600_000, "reliable delivered");
    net.runUntil(() -> client.association.bufferedAmount() == 0, 600_000, "sender drained");
    assertEquals(0, lossyCh.bufferedAmount(), "abandoned messages leave the buffer too");
    int lossyGot = server.messages("_lossy").size();
    assertTrue(lossyGot < 200 && lossyGot > 100, "about 80% of lossy messages arrive: " + lossyGot);
    assertEquals(lossyGot, new HashSet<>(server.texts("_lossy")).size(), "none twice");
    assertEquals(200, timesSent.size());
    assertTrue(timesSent.values().stream().allMatch(n -> n == 1),
        "no lossy chunk was sent twice (maxRetransmits 0)");
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 200; i += 20) {
      expected.add("reliable " + i);
    }
    assertEquals(expected, server.texts("_reliable"));
  }

  /** Calls back (TSN, stream) for each DATA chunk of a packet on the wire. */
  static void forEachData(byte[] p, java.util.function.BiConsumer<Integer, Integer> data) {
    int at = 12;
    while (at + 4 <= p.length) {
      int type = p[at] & 0xff;
      int len = Bytes.u16(p, at + 2);
      if (type == ChunkType.DATA) {
        data.accept(Bytes.i32(p, at + 4), Bytes.u16(p, at + 8));
      }
      at += Bytes.pad4(Math.max(4, len));
    }
  }

  @Test
  void closingAChannelResetsBothStreamsAndFreesTheId() {
    establish(true);
    DataChannel ch = client.open("closing", ChannelOptions.reliable());
    ch.send("last words");
    net.runUntil(() -> server.channels.containsKey("closing"), 5_000, "opened");
    ch.close();
    assertEquals(DataChannel.State.CLOSING, ch.state());
    net.runUntil(() -> client.closedChannels.contains("closing")
        && server.closedChannels.contains("closing"), 10_000, "closed both sides");
    assertEquals(List.of("last words"), server.texts("closing"));
    assertEquals(DataChannel.State.CLOSED, ch.state());
    assertEquals(DataChannel.State.CLOSED, server.channels.get("closing").state());
    assertFalse(ch.send("too late"));
    DataChannel again = client.open("again", ChannelOptions.reliable());
    assertEquals(ch.id(), again.id(), "the stream id is reused");
    again.send("fresh");
    net.runUntil(() -> !server.messages("again").isEmpty(), 5_000, "reused stream");
    assertEquals(List.of("fresh"), server.texts("again"), "numbered from SSN 0 after the reset");
  }

  @Test
  void gracefulShutdownEndsBothSides() {
    establish(true);
    DataChannel ch = client.open("x", ChannelOptions.reliable());
    ch.send("bye");
    client.association.close();
    net.runUntil(() -> client.closedReason != null && server.closedReason != null, 10_000,
        "shut down");
    assertEquals(List.of("bye"), server.texts("x"), "queued data goes out before SHUTDOWN");
    assertEquals(SctpState.CLOSED, server.association.state());
    assertEquals(DataChannel.State.CLOSED, ch.state());
  }

  @Test
  void anUnreachablePeerEndsTheAssociationAfterTheRetransmissionLimit() {
    establish(true);
    DataChannel ch = client.open("x", ChannelOptions.reliable());
    net.runFor(1_000);
    client.out.loss = 1.0;
    ch.send("into the void");
    net.runUntil(() -> client.closedReason != null, 3_600_000, "given up");
    assertTrue(client.closedReason.contains("unreachable"), client.closedReason);
    assertEquals(DataChannel.State.CLOSED, ch.state());
  }

  @Test
  void anUnansweredInitGivesUp() {
    client.out.loss = 1.0;
    SimPeer.connect(client, server);
    client.association.start(DtlsRole.CLIENT);
    net.runUntil(() -> client.closedReason != null, 3_600_000, "INIT given up");
    assertNotNull(client.closedReason);
    assertTrue(client.closedReason.contains("INIT"), client.closedReason);
  }

  @Test
  void orderedChannelWithoutRetransmissionsSkipsLossesAndKeepsOrder() {
    establish(true);
    DataChannel ch = client.open("ordered-lossy", new ChannelOptions(true, 0, -1, ""));
    net.runFor(1_000);
    lossy(0.2, 0.05, 40);
    for (int i = 0; i < 300; i++) {
      ch.send(String.valueOf(i));
    }
    net.runUntil(() -> client.association.bufferedAmount() == 0, 600_000, "sender drained");
    lossy(0, 0, 0);
    ch.send("after the storm"); // FORWARD TSN moved the stream past every gap, so this arrives
    net.runUntil(() -> server.texts("ordered-lossy").contains("after the storm"), 60_000, "tail");
    List<Integer> got = server.texts("ordered-lossy").stream()
        .filter(t -> !t.startsWith("after")).map(Integer::parseInt).toList();
    assertTrue(got.size() > 150 && got.size() < 300, "some lost, most arrive: " + got.size());
    for (int i = 1; i < got.size(); i++) {
      assertTrue(got.get(i) > got.get(i - 1), "in order, none twice: " + got);
    }
  }

  @Test
  void messagesPastTheirLifetimeAreAbandoned() {
    establish(true);
    DataChannel ch = client.open("timed", new ChannelOptions(true, -1, 300, ""));
    net.runFor(1_000);
    client.out.loss = 1.0;
    ch.send("doomed");
    net.runFor(5_000); // retransmitted on each timeout until its 300 ms are up, then abandoned
    client.out.loss = 0;
    ch.send("alive");
    net.runUntil(() -> server.texts("timed").contains("alive"), 120_000, "later message");
    assertEquals(List.of("alive"), server.texts("timed"));
    net.runUntil(() -> client.association.bufferedAmount() == 0, 120_000, "drained");
  }

  @Test
  void bothSidesClosingAtOnceCloseCleanly() {
    establish(true);
    DataChannel ch = client.open("both", ChannelOptions.reliable());
    net.runUntil(() -> server.channels.containsKey("both"), 5_000, "opened");
    ch.close();
    server.channels.get("both").close();
    net.runUntil(() -> client.closedChannels.contains("both")
        && server.closedChannels.contains("both"), 10_000, "closed");
  }

  @Test
  void closingRightAfterALossyBurstDeliversEverythingFirst() {
    establish(true);
    DataChannel ch = client.open("burst", ChannelOptions.reliable());
    net.runUntil(() -> server.channels.containsKey("burst"), 5_000, "opened");
    lossy(0.2, 0, 30);
    for (int i = 0; i < 100; i++) {
      ch.send("m" + i);
    }
    ch.close(); // the reset waits for the peer to hold every TSN before it (RFC 6525 §5.2.2)
    net.runUntil(() -> server.closedChannels.contains("burst")
        && client.closedChannels.contains("burst"), 600_000, "closed");
    assertEquals(100, server.texts("burst").size());
    assertEquals("m99", server.texts("burst").getLast());
  }
}
