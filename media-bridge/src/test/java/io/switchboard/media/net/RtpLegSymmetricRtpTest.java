package io.switchboard.media.net;

import static io.switchboard.media.net.LegPair.await;
import static io.switchboard.media.net.LegPair.next;
import static io.switchboard.media.net.LegPair.sine;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.codec.g711.G711;
import io.switchboard.media.codec.g711.G711Law;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** A caller behind NAT: SDP names one address, media comes from another. */
class RtpLegSymmetricRtpTest {
  private static final MediaFormat PCMU = MediaFormat.ofStatic(G711.PCMU, 101);

  private static InetSocketAddress unreachable(LegPair pair) {
    // What the caller wrote in SDP: its private address, which we cannot reach.
    return new InetSocketAddress(pair.a.localRtpAddress().getAddress(), 9);
  }

  @Test
  void learnsTheRealSourceAndSendsMediaBackToIt() throws Exception {
    try (LegPair pair = new LegPair(LegPair.defaults(), Executors.newVirtualThreadPerTaskExecutor())) {
      pair.a.setRemote(pair.b.localRtpAddress(), pair.b.localRtcpAddress());
      pair.b.setRemote(unreachable(pair), null);
      pair.a.setMediaFormat(PCMU);
      pair.b.setMediaFormat(PCMU);

      PcmFrame played = new PcmFrame(8000);
      for (int k = 0; k < 3; k++) {
        pair.sendAToB(sine(600, 7000, k * 160L), played);
      }
      var locked = assertInstanceOf(RtpLegEvent.SourceLocked.class, next(pair.eventsB));
      assertEquals(pair.a.localRtpAddress(), locked.source());

      // B answers to where A's media came from, not to the address in SDP.
      for (int k = 0; k < 5; k++) {
        PcmFrame sent = sine(700, 7000, k * 160L);
        pair.clock.advance(LegPair.TICK);
        long before = pair.a.stats().packetsReceived();
        pair.b.write(sent);
        await(() -> pair.a.stats().packetsReceived() > before, "A to receive B's packet");
        assertTrue(pair.a.read(played));
        assertArrayEquals(LegPair.companded(sent, G711Law.MU_LAW), Arrays.copyOf(played.samples(), 160));
      }
    }
  }

  @Test
  void strictLearningDropsMediaFromAnUnsignalledAddress() throws Exception {
    RtpLegConfig strict = LegPair.defaults().withLearning(3, false, Duration.ofSeconds(2));
    try (LegPair pair = new LegPair(strict, Executors.newVirtualThreadPerTaskExecutor())) {
      pair.a.setRemote(pair.b.localRtpAddress(), pair.b.localRtcpAddress());
      pair.b.setRemote(unreachable(pair), null);
      pair.a.setMediaFormat(PCMU);
      pair.b.setMediaFormat(PCMU);
      for (int k = 0; k < 4; k++) {
        pair.clock.advance(LegPair.TICK);
        pair.a.write(sine(600, 7000, k * 160L));
      }
      await(() -> pair.b.stats().droppedUnknownSource() == 4, "4 packets dropped");
      assertEquals(0, pair.b.stats().packetsReceived());
      assertTrue(pair.b.stats().lockedSource().isEmpty());
      assertTrue(pair.eventsB.isEmpty());
    }
  }

  @Test
  void reInviteToANewAddressRelearns() throws Exception {
    try (LegPair pair = LegPair.connected(PCMU);
        LegPair other = LegPair.connected(PCMU)) {
      PcmFrame played = new PcmFrame(8000);
      for (int k = 0; k < 3; k++) {
        pair.sendAToB(sine(440, 7000, k * 160L), played);
      }
      assertInstanceOf(RtpLegEvent.SourceLocked.class, next(pair.eventsB));
      // The remote moved its media to other.a; B is told so and must follow.
      other.a.setRemote(pair.b.localRtpAddress(), pair.b.localRtcpAddress());
      pair.b.setRemote(other.a.localRtpAddress(), other.a.localRtcpAddress());
      for (int k = 0; k < 3; k++) {
        long before = pair.b.stats().packetsReceived();
        other.a.write(sine(440, 7000, k * 160L));
        await(() -> pair.b.stats().packetsReceived() > before, "B to accept the new source");
      }
      var relocked = assertInstanceOf(RtpLegEvent.SourceLocked.class, next(pair.eventsB));
      assertEquals(other.a.localRtpAddress(), relocked.source());
    }
  }
}
