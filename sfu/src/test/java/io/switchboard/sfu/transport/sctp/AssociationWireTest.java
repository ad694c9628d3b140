package io.switchboard.sfu.transport.sctp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A listening association driven by hand-made packets, checking each answer on the wire: the
 * handshake (RFC 9260 §5.1), heartbeats (§8.3), SACKs for DATA (§6.2), tag checks (§8.5), ABORT.
 */
class AssociationWireTest {
  private static final int PEER_TAG = 0x0badcafe;
  private static final int PEER_TSN = 1000;

  private final SimulatedNetwork net = new SimulatedNetwork(5);
  private final List<byte[]> sent = new ArrayList<>();
  private final List<String> events = new ArrayList<>();
  private final List<String> texts = new ArrayList<>();
  private boolean capture = true;
  private final SctpAssociation ours = SctpAssociation.create(SctpConfig.defaults(),
      (b, off, len) -> {
        if (capture) {
          sent.add(Arrays.copyOfRange(b, off, off + len));
        }
      },
      new DataChannelListener() {
        @Override
        public void onDataChannel(DataChannel channel) {
          events.add("channel " + channel.label());
          channel.onMessage((p, binary) -> {
            if (handler != null) {
              handler.onMessage(p, binary);
            } else {
              texts.add(new String(p, StandardCharsets.UTF_8));
            }
          });
        }

        @Override
        public void onEstablished() {
          events.add("established");
        }

        @Override
        public void onClosed(String reason) {
          events.add("closed: " + reason);
        }
      },
      net.scheduler, net.clock, new Random(1));

  private void deliver(int tag, Consumer<PacketWriter> chunks) {
    PacketWriter w = new PacketWriter(1200);
    w.begin(5000, 5000, tag);
    chunks.accept(w);
    int len = w.finish();
    ours.receive(w.buffer(), 0, len);
  }

  /** The single packet we answered with, as a reader on its first chunk. */
  private PacketReader answer() {
    assertEquals(1, sent.size(), "one packet in answer");
    byte[] p = sent.removeFirst();
    PacketReader r = new PacketReader();
    assertNull(r.wrap(p, 0, p.length), "our packet has a valid checksum");
    assertTrue(r.next());
    return r;
  }

  private int ourInitialTsn;

  private int handshake() {
    deliver(0, w -> new InitChunk(PEER_TAG, 65536, 16, 16, PEER_TSN, null, true, true).write(w));
    PacketReader initAck = answer();
    assertEquals(PEER_TAG, initAck.verificationTag(), "INIT ACK carries the peer's tag");
    assertEquals(ChunkType.INIT_ACK, initAck.type());
    InitChunk ack = InitChunk.parse(initAck.buffer(), initAck.valueOffset(),
        initAck.valueLength(), true);
    assertTrue(ack.forwardTsn() && ack.reconfig());
    assertEquals(List.of(), events, "a listener keeps no state for an INIT");
    int ourTag = ack.initiateTag();
    ourInitialTsn = ack.initialTsn();
    deliver(ourTag, w -> {
      w.startChunk(ChunkType.COOKIE_ECHO, 0);
      w.bytes(ack.cookie(), 0, ack.cookie().length);
      w.endChunk();
    });
    PacketReader cookieAck = answer();
    assertEquals(ChunkType.COOKIE_ACK, cookieAck.type());
    assertEquals(PEER_TAG, cookieAck.verificationTag());
    assertEquals(List.of("established"), events);
    assertEquals(SctpState.ESTABLISHED, ours.state());
    return ourTag;
  }

  private static void data(PacketWriter w, int tsn, int stream, int ssn, int ppid, byte[] m) {
    w.startChunk(ChunkType.DATA, ChunkType.FLAG_BEGIN | ChunkType.FLAG_END);
    w.u32(tsn);
    w.u16(stream);
    w.u16(ssn);
    w.u32(ppid);
    w.bytes(m, 0, m.length);
    w.endChunk();
  }

  @Test
  void handshakeHeartbeatAndDataAreAnswered() {
    int tag = handshake();
    deliver(tag, w -> {
      w.startChunk(ChunkType.HEARTBEAT, 0);
      w.u16(1); // Heartbeat Info
      w.u16(8);
      w.u32(0xfeedf00dL);
      w.endChunk();
    });
    PacketReader hb = answer();
    assertEquals(ChunkType.HEARTBEAT_ACK, hb.type());
    assertEquals("000100 08feedf00d".replace(" ", ""), HexFormat.of().formatHex(
        hb.buffer(), hb.valueOffset(), hb.valueOffset() + hb.valueLength()));

    byte[] open = Dcep.open("chat", ChannelOptions.reliable());
    deliver(tag, w -> data(w, PEER_TSN, 1, 0, Dcep.PPID, open));
    PacketReader sack = answer();
    assertEquals(ChunkType.SACK, sack.type());
    assertEquals(PEER_TSN, Bytes.i32(sack.buffer(), sack.valueOffset()), "cumulative TSN ack");
    assertTrue(sack.next(), "the DCEP ACK rides in the same packet");
    assertEquals(ChunkType.DATA, sack.type());
    assertEquals(Dcep.PPID, Bytes.i32(sack.buffer(), sack.valueOffset() + 8));
    assertArrayEquals(new byte[] {Dcep.MESSAGE_ACK}, Arrays.copyOfRange(sack.buffer(),
        sack.valueOffset() + 12, sack.valueOffset() + 13));
    assertEquals(List.of("established", "channel chat"), events);

    // TSN 1002 before 1001: a gap block, then both delivered in SSN order (OPEN was SSN 0).
    deliver(tag, w -> data(w, PEER_TSN + 2, 1, 2, 51, "second".getBytes()));
    PacketReader gap = answer();
    assertEquals(1, Bytes.u16(gap.buffer(), gap.valueOffset() + 8), "one gap block");
    assertEquals(List.of(), texts, "not before the first");
    deliver(tag, w -> data(w, PEER_TSN + 1, 1, 1, 51, "first".getBytes()));
    assertEquals(List.of("first", "second"), texts);
    PacketReader caughtUp = answer();
    assertEquals(PEER_TSN + 2, Bytes.i32(caughtUp.buffer(), caughtUp.valueOffset()));
  }

  @Test
  void wrongTagsAndChecksumsAreDroppedSilently() {
    int tag = handshake();
    deliver(tag + 1, w -> data(w, PEER_TSN, 1, 0, 51, "x".getBytes()));
    assertEquals(List.of(), sent, "wrong verification tag: no SACK");
    PacketWriter w = new PacketWriter(100);
    w.begin(5000, 5000, tag);
    data(w, PEER_TSN, 1, 0, 51, "x".getBytes());
    int len = w.finish();
    w.buffer()[len - 1] ^= 1;
    ours.receive(w.buffer(), 0, len);
    assertEquals(List.of(), sent, "bad checksum: nothing");
    deliver(tag, x -> {
      x.startChunk(ChunkType.ABORT, 0);
      x.u16(12); // User-Initiated Abort
      x.u16(4);
      x.endChunk();
    });
    assertEquals("closed: peer aborted the association (error cause 12)", events.getLast());
    assertEquals(SctpState.CLOSED, ours.state());
  }

  @Test
  void aCookieFromAnotherSecretIsRefused() {
    deliver(0, w -> new InitChunk(PEER_TAG, 65536, 16, 16, PEER_TSN, null, true, true).write(w));
    PacketReader initAck = answer();
    InitChunk ack = InitChunk.parse(initAck.buffer(), initAck.valueOffset(),
        initAck.valueLength(), true);
    byte[] forged = ack.cookie().clone();
    forged[0] ^= 1;
    deliver(ack.initiateTag(), w -> {
      w.startChunk(ChunkType.COOKIE_ECHO, 0);
      w.bytes(forged, 0, forged.length);
      w.endChunk();
    });
    assertEquals(List.of(), sent);
    assertEquals(SctpState.CLOSED, ours.state());
    assertNotNull(ack.cookie());
  }

  /** Random chunk bodies with valid checksums and tags must be refused, never thrown. */
  @Test
  void garbageChunksNeverThrow() {
    int tag = handshake();
    Random random = new Random(99);
    int[] types = {ChunkType.DATA, ChunkType.INIT, ChunkType.INIT_ACK, ChunkType.SACK,
        ChunkType.HEARTBEAT, ChunkType.SHUTDOWN, ChunkType.ERROR, ChunkType.COOKIE_ECHO,
        ChunkType.FORWARD_TSN, ChunkType.RE_CONFIG, 0x3f, 0xbf};
    for (int i = 0; i < 5000; i++) {
      int type = types[random.nextInt(types.length)];
      byte[] body = new byte[random.nextInt(40)];
      random.nextBytes(body);
      if (type == ChunkType.DATA && body.length > 6) {
        body[4] = 0; // a stream we have, often
      }
      int flags = random.nextInt(16);
      deliver(type == ChunkType.INIT ? 0 : tag, w -> {
        w.startChunk(type, flags);
        w.bytes(body, 0, body.length);
        w.endChunk();
      });
    }
    sent.clear();
    assertTrue(ours.state() == SctpState.ESTABLISHED || ours.state() == SctpState.CLOSED
        || ours.state().compareTo(SctpState.SHUTDOWN_PENDING) >= 0);
  }

  /** The receive path allocates the payload handed out and next to nothing else. */
  @Test
  void receivingAMessageAllocatesLittleBeyondItsPayload() {
    int tag = handshake();
    byte[] open = Dcep.open("chat", ChannelOptions.reliable());
    deliver(tag, w -> data(w, PEER_TSN, 1, 0, Dcep.PPID, open));
    int[] count = new int[1];
    events.clear();
    sent.clear();
    int warmup = 20_000;
    int measured = 10_000;
    byte[][] packets = new byte[warmup + measured][];
    byte[] payload = new byte[100];
    for (int i = 0; i < packets.length; i++) {
      int tsn = PEER_TSN + 1 + i;
      int ssn = 1 + i;
      PacketWriter w = new PacketWriter(200);
      w.begin(5000, 5000, tag);
      data(w, tsn, 1, ssn & 0xffff, 53, payload);
      packets[i] = Arrays.copyOf(w.buffer(), w.finish());
    }
    capture = false; // SACKs still get written and handed to the sender, just not kept
    var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory
        .getThreadMXBean();
    long id = Thread.currentThread().threadId();
    DataChannel.MessageHandler counter = (p, binary) -> count[0]++;
    channelHandler(counter);
    for (int i = 0; i < warmup; i++) {
      ours.receive(packets[i], 0, packets[i].length);
    }
    long before = threads.getThreadAllocatedBytes(id);
    for (int i = warmup; i < packets.length; i++) {
      ours.receive(packets[i], 0, packets[i].length);
    }
    long perMessage = (threads.getThreadAllocatedBytes(id) - before) / measured;
    assertEquals(warmup + measured, count[0]);
    // The payload is 100 bytes plus a 16-byte array header, 120 with alignment.
    assertTrue(perMessage <= 120 + 8, "bytes allocated per message: " + perMessage);
  }

  private DataChannel.MessageHandler handler;

  private void channelHandler(DataChannel.MessageHandler h) {
    handler = h;
  }

  /** Sending a message and taking its SACK allocate nothing: the caller's array is sent as is. */
  @Test
  void sendingAllocatesNothingPerMessage() {
    int tag = handshake();
    ours.start(io.switchboard.sfu.transport.dtls.DtlsRole.SERVER);
    DataChannel channel = ours.createDataChannel("out", ChannelOptions.reliable());
    int warmup = 20_000;
    int measured = 10_000;
    byte[][] sacks = new byte[1 + warmup + measured][];
    for (int i = 0; i < sacks.length; i++) {
      PacketWriter w = new PacketWriter(64);
      w.begin(5000, 5000, tag);
      w.startChunk(ChunkType.SACK, 0);
      w.u32(ourInitialTsn + i); // the DCEP OPEN, then one message each
      w.u32(1 << 20);
      w.u32(0);
      w.endChunk();
      sacks[i] = Arrays.copyOf(w.buffer(), w.finish());
    }
    ours.receive(sacks[0], 0, sacks[0].length);
    capture = false;
    byte[] message = new byte[100];
    var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory
        .getThreadMXBean();
    long id = Thread.currentThread().threadId();
    long before = 0;
    for (int i = 1; i < sacks.length; i++) {
      if (i == 1 + warmup) {
        before = threads.getThreadAllocatedBytes(id);
      }
      assertTrue(channel.send(message));
      ours.receive(sacks[i], 0, sacks[i].length);
    }
    long perMessage = (threads.getThreadAllocatedBytes(id) - before) / measured;
    assertEquals(0, ours.bufferedAmount(), "every message acknowledged");
    assertTrue(perMessage <= 8, "bytes allocated per message sent: " + perMessage);
  }
}
