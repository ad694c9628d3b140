package io.switchboard.sfu.transport.sctp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/** Chunk encodings against byte vectors: RFC layouts, and packets from other stacks. */
class ChunkCodecTest {
  private static final HexFormat HEX = HexFormat.of();

  /** An INIT as Chrome's usrsctp sends it (from pion/sctp's packet tests). */
  private static final byte[] CHROME_INIT = HEX.parseHex(
      "138813880000000081469dfc0100005655b964a500020000040008"
          + "00e86d1030c000000480080009c00fc18082000000800200249feb"
          + "bb5c50c9bf759cb12c574fa45a51ba601778279 45c31e65d5b0947e2"
              .replace(" ", "")
          + "2206800400060001000080030006 80c10000".replace(" ", ""));

  /** The written chunk, without the common header. */
  private static byte[] chunkOf(PacketWriter w) {
    return Arrays.copyOfRange(w.buffer(), PacketWriter.COMMON_HEADER, w.position());
  }

  private static PacketWriter writer() {
    PacketWriter w = new PacketWriter(1200);
    w.begin(5000, 5000, 0x11223344);
    return w;
  }

  @Test
  void crc32cMatchesRfc3720AndOtherStacks() {
    CRC32C crc = new CRC32C();
    crc.update(new byte[32]);
    assertEquals(0x8a9136aaL, crc.getValue(), "RFC 3720 B.4: 32 bytes of zeros");
    SctpChecksum checksum = new SctpChecksum();
    byte[] pionHeaderOnly = HEX.parseHex("13881388000000000" + "6a900e1");
    assertTrue(checksum.verify(pionHeaderOnly, 0, 12), "pion's header-only packet");
    assertEquals(100, CHROME_INIT.length);
    assertTrue(checksum.verify(CHROME_INIT, 0, CHROME_INIT.length), "Chrome's INIT");
    byte[] corrupt = CHROME_INIT.clone();
    corrupt[40] ^= 1;
    assertFalse(checksum.verify(corrupt, 0, corrupt.length));
    assertEquals("SCTP packet has a wrong CRC32c checksum",
        new PacketReader().wrap(corrupt, 0, corrupt.length));
  }

  @Test
  void chromeInitParses() {
    PacketReader r = new PacketReader();
    assertNull(r.wrap(CHROME_INIT, 0, CHROME_INIT.length));
    assertEquals(5000, r.sourcePort());
    assertEquals(0, r.verificationTag());
    assertTrue(r.next());
    assertEquals(ChunkType.INIT, r.type());
    InitChunk init = InitChunk.parse(r.buffer(), r.valueOffset(), r.valueLength(), false);
    assertEquals(0x55b964a5, init.initiateTag());
    assertEquals(131072, init.advertisedWindow());
    assertEquals(1024, init.outboundStreams());
    assertEquals(2048, init.inboundStreams());
    assertEquals(0xe86d1030, init.initialTsn());
    assertTrue(init.forwardTsn(), "Forward-TSN-Supported and FORWARD TSN in the extensions");
    assertTrue(init.reconfig(), "RE-CONFIG (0x82) in Supported Extensions");
    assertFalse(r.next(), "one chunk");
  }

  @Test
  void initIsWrittenAsRfc9260Lays() {
    PacketWriter w = writer();
    new InitChunk(0x01020304, 131072, 1024, 1024, 0x0a0b0c0d, null, true, true).write(w);
    assertEquals("01000020" + "01020304" + "00020000" + "04000400" + "0a0b0c0d"
        + "80080006c0820000" + "c0000004", HEX.formatHex(chunkOf(w)));
  }

  @Test
  void initAckCarriesTheCookieAndRoundTrips() {
    PacketWriter w = writer();
    byte[] cookie = {1, 2, 3, 4, 5};
    new InitChunk(7, 1000, 3, 4, 9, cookie, false, false).write(w);
    byte[] chunk = chunkOf(w);
    assertEquals("0200001d" + "00000007" + "000003e8" + "00030004" + "00000009"
        + "000700090102030405000000", HEX.formatHex(chunk));
    InitChunk back = InitChunk.parse(chunk, 4, Bytes.u16(chunk, 2) - 4, true);
    assertArrayEquals(cookie, back.cookie());
    assertEquals(4, back.inboundStreams());
    assertFalse(back.forwardTsn());
  }

  @Test
  void badInitsAreRefusedWithTheReason() {
    byte[] zeroTag = HEX.parseHex("00000000000100000001000100000001");
    var e = assertThrows(IllegalArgumentException.class,
        () -> InitChunk.parse(zeroTag, 0, zeroTag.length, false));
    assertTrue(e.getMessage().contains("zero initiate tag"), e.getMessage());
    byte[] noCookie = HEX.parseHex("00000001000100000001000100000001");
    e = assertThrows(IllegalArgumentException.class,
        () -> InitChunk.parse(noCookie, 0, noCookie.length, true));
    assertTrue(e.getMessage().contains("without a state cookie"), e.getMessage());
  }

  @Test
  void dataChunkCarriesTsnStreamSsnPpidAndPads() {
    OutboundQueue q = new OutboundQueue(16, 8);
    q.start(100);
    byte[] msg = "abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    assertTrue(q.enqueue(1, 2, 51, false, -1, Long.MAX_VALUE, msg, 0, 3, 1172));
    PacketWriter w = writer();
    q.send(q.nextToSend(), w, 0);
    // type 0, flags B|E, length 19, TSN 100, stream 1, SSN 2, PPID 51, "abc", one pad byte
    assertEquals("00030013" + "00000064" + "00010002" + "00000033" + "61626300",
        HEX.formatHex(chunkOf(w)));
  }

  @Test
  void fragmentsAreFlaggedBeginMiddleEndAndUnordered() {
    OutboundQueue q = new OutboundQueue(16, 8);
    q.start(-1); // TSN 0xffffffff: the fragments wrap to 0 and 1
    byte[] msg = new byte[25];
    assertTrue(q.enqueue(0, 0, 53, true, -1, Long.MAX_VALUE, msg, 0, 25, 10));
    PacketWriter w = writer();
    for (int i = 0; i < 3; i++) {
      q.send(q.nextToSend(), w, 0);
    }
    byte[] c = chunkOf(w);
    assertEquals(0x06, c[1], "first: U|B");
    assertEquals("ffffffff", HEX.formatHex(c, 4, 8));
    assertEquals(0x04, c[28 + 1], "middle: U");
    assertEquals("00000000", HEX.formatHex(c, 32, 36));
    assertEquals(0x05, c[56 + 1], "last: U|E");
    assertEquals(16 + 5, Bytes.u16(c, 58));
  }

  @Test
  void sackListsGapBlocksAndDuplicates() {
    InboundTsns in = new InboundTsns(1024);
    in.reset(100);
    for (int tsn : new int[] {100, 101, 103, 104, 107, 101}) {
      in.receive(tsn);
    }
    PacketWriter w = writer();
    in.writeSack(w, 65536, 400);
    // cum 101, a_rwnd 65536, 2 gaps and 1 duplicate: 103-104 (+2..+3), 107 (+6..+6), dup 101
    assertEquals("0300001c" + "00000065" + "00010000" + "00020001" + "00020003" + "00060006"
        + "00000065", HEX.formatHex(chunkOf(w)));
  }

  @Test
  void forwardTsnNamesTheAbandonedOrderedStreamSequence() {
    OutboundQueue q = new OutboundQueue(16, 8);
    q.start(10);
    q.partialReliability(true);
    byte[] msg = {1};
    q.enqueue(3, 7, 53, false, 0, Long.MAX_VALUE, msg, 0, 1, 100);
    q.send(q.nextToSend(), writer(), 0);
    q.markAllLost(1); // sent once, allowed 0 retransmissions: abandoned
    assertEquals(10, q.advancedPeerAckPoint());
    assertEquals(0, q.flightBytes());
    PacketWriter w = writer();
    q.writeForwardTsn(w, q.advancedPeerAckPoint(), new int[4], new int[4]);
    assertEquals("c000000c" + "0000000a" + "00030007", HEX.formatHex(chunkOf(w)));
  }

  @Test
  void reconfigRequestAndResponse() {
    PacketWriter w = writer();
    Reconfig.writeResetRequest(w, 0x11, 0x22, 0x33, new int[] {1, 3}, 2);
    assertEquals("82000018" + "000d0014" + "00000011" + "00000022" + "00000033" + "00010003",
        HEX.formatHex(chunkOf(w)));
    w = writer();
    Reconfig.writeResponse(w, 0x11, Reconfig.SUCCESS_PERFORMED);
    byte[] c = chunkOf(w);
    assertEquals("82000010" + "0010000c" + "00000011" + "00000001", HEX.formatHex(c));
    long[] seen = new long[2];
    Reconfig.parse(c, 4, 12, new Reconfig.Handler() {
      @Override
      public void resetRequest(long seq, int lastTsn, byte[] b, int off, int count) {
        throw new AssertionError();
      }

      @Override
      public void response(long seq, int result) {
        seen[0] = seq;
        seen[1] = result;
      }
    });
    assertArrayEquals(new long[] {0x11, 1}, seen);
  }

  @Test
  void dcepOpenAndAckMatchRfc8832() {
    assertEquals("038101000000000000060000" + HEX.formatHex("_lossy".getBytes()),
        HEX.formatHex(Dcep.open("_lossy", ChannelOptions.lossy())));
    byte[] reliable = HEX.parseHex("030000000000000000090000" + HEX.formatHex("_reliable".getBytes()));
    Dcep.Open open = Dcep.parseOpen(reliable);
    assertEquals("_reliable", open.label());
    assertEquals(ChannelOptions.reliable(), open.options());
    byte[] timed = HEX.parseHex("03820100000001f4000100016162");
    Dcep.Open t = Dcep.parseOpen(timed);
    assertEquals(new ChannelOptions(false, -1, 500, "b"), t.options());
    assertEquals("a", t.label());
    assertArrayEquals(new byte[] {2}, Dcep.ack());
    var e = assertThrows(IllegalArgumentException.class,
        () -> Dcep.parseOpen(HEX.parseHex("0300000000000000ff000000")));
    assertTrue(e.getMessage().contains("run past"), e.getMessage());
  }

  @Test
  void stateCookieIsSignedAndExpires() {
    byte[] secret = new byte[32];
    secret[0] = 9;
    StateCookie c = new StateCookie(1, 2, 3, 4, 5000, 6, 7, true, false, 1_000);
    byte[] sealed = c.seal(secret);
    assertEquals(c, StateCookie.open(sealed, 0, sealed.length, secret, 2_000, 60_000));
    sealed[3] ^= 1;
    byte[] forged = sealed;
    var e = assertThrows(IllegalArgumentException.class,
        () -> StateCookie.open(forged, 0, forged.length, secret, 2_000, 60_000));
    assertTrue(e.getMessage().contains("signature"), e.getMessage());
    byte[] fresh = c.seal(secret);
    e = assertThrows(IllegalArgumentException.class,
        () -> StateCookie.open(fresh, 0, fresh.length, secret, 70_000, 60_000));
    assertTrue(e.getMessage().contains("stale"), e.getMessage());
  }
}
