package io.switchboard.media.net;

import static io.switchboard.media.net.LegPair.await;
import static io.switchboard.media.net.LegPair.next;
import static io.switchboard.media.net.LegPair.sine;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.codec.g711.G711;
import io.switchboard.media.codec.g711.G711Law;
import io.switchboard.media.rtp.RtpHeaderWriter;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RtpLegTest {
  private static final MediaFormat PCMU = MediaFormat.ofStatic(G711.PCMU, 101);
  private static final MediaFormat PCMA = MediaFormat.ofStatic(G711.PCMA, 101);

  @Test
  void toneSentByOneLegIsPlayedSampleExactByTheOther() throws Exception {
    try (LegPair pair = LegPair.connected(PCMU)) {
      PcmFrame played = new PcmFrame(8000);
      for (int k = 0; k < 50; k++) {
        PcmFrame sent = sine(440, 12_000, k * 160L);
        assertTrue(pair.sendAToB(sent, played), "B plays a frame on tick " + k);
        assertArrayEquals(LegPair.companded(sent, G711Law.MU_LAW), Arrays.copyOf(played.samples(), 160),
            "frame " + k);
      }
      var locked = assertInstanceOf(RtpLegEvent.SourceLocked.class, next(pair.eventsB));
      assertEquals(pair.a.localRtpAddress(), locked.source());
      RtpLegStats stats = pair.b.stats();
      assertEquals(50, stats.packetsReceived());
      assertEquals(50 * 160, stats.octetsReceived());
      assertEquals(0, stats.jitterBuffer().lost() + stats.jitterBuffer().concealed());
      assertEquals(0, stats.receivedLost());
      assertEquals(pair.a.localRtpAddress(), stats.lockedSource().orElseThrow());
      assertEquals(50, pair.a.stats().packetsSent());
    }
  }

  @Test
  void packetsFromAThirdAddressAfterLockAreDroppedAndCounted() throws Exception {
    try (LegPair pair = LegPair.connected(PCMU); DatagramChannel intruder = DatagramChannel.open()) {
      PcmFrame played = new PcmFrame(8000);
      for (int k = 0; k < 5; k++) {
        pair.sendAToB(sine(440, 8000, k * 160L), played);
      }
      assertInstanceOf(RtpLegEvent.SourceLocked.class, next(pair.eventsB));

      intruder.bind(new InetSocketAddress(pair.b.localRtpAddress().getAddress(), 0));
      byte[] packet = new byte[172];
      for (int i = 0; i < 5; i++) {
        RtpHeaderWriter.write(packet, 0, i == 0, 0, 100 + i, 1000 + i * 160, 0x1D1D1D1D);
        intruder.send(ByteBuffer.wrap(packet), pair.b.localRtpAddress());
      }
      await(() -> pair.b.stats().droppedUnknownSource() == 5, "5 intruding packets dropped");
      RtpLegStats stats = pair.b.stats();
      assertEquals(5, stats.packetsReceived(), "only A's packets were accepted");
      assertEquals(0, stats.jitterBuffer().resyncs(), "the intruder's SSRC never reached the buffer");

      PcmFrame sent = sine(440, 8000, 5 * 160L);
      assertTrue(pair.sendAToB(sent, played));
      assertArrayEquals(LegPair.companded(sent, G711Law.MU_LAW), Arrays.copyOf(played.samples(), 160));
    }
  }

  @Test
  void dtmfPressedOnOneLegArrivesExactlyOnceOnTheOther() throws Exception {
    try (LegPair pair = LegPair.connected(PCMU)) {
      pair.a.sendDtmf("159#");
      PcmFrame silence = new PcmFrame(8000);
      PcmFrame played = new PcmFrame(8000);
      for (int k = 0; k < 4 * 10 + 5; k++) { // 7 event ticks + 3 pause ticks per digit
        pair.sendAToB(silence, played);
      }
      StringBuilder digits = new StringBuilder();
      for (RtpLegEvent event : pair.eventsB) {
        if (event instanceof RtpLegEvent.DtmfReceived(var digit)) {
          digits.append(digit.symbol());
        }
      }
      assertEquals("159#", digits.toString());
      assertEquals(4, pair.b.stats().dtmfReceived());
      assertEquals(4, pair.a.stats().dtmfSent());
      assertEquals(0, pair.b.stats().jitterBuffer().lost(), "event packets hold their sequence numbers");
    }
  }

  @Test
  void sendingDtmfWithoutTelephoneEventIsRefused() throws Exception {
    try (LegPair pair = LegPair.connected(new MediaFormat(G711.PCMU, 0, MediaFormat.NONE))) {
      var error = assertThrows(IllegalStateException.class, () -> pair.a.sendDtmf("1"));
      assertTrue(error.getMessage().contains("telephone-event"));
    }
    try (LegPair pair = LegPair.connected(PCMU)) {
      var error = assertThrows(IllegalArgumentException.class, () -> pair.a.sendDtmf("1x"));
      assertTrue(error.getMessage().contains("'x'"));
    }
  }

  @Test
  void mediaTimeoutFiresWhenTheClockSaysSo() throws Exception {
    var config = LegPair.defaults().withMediaTimeouts(java.time.Duration.ofSeconds(30), java.time.Duration.ofSeconds(15));
    try (LegPair pair = new LegPair(config, java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor())) {
      pair.connect(PCMU);
      pair.b.tick();
      pair.clock.advance(java.time.Duration.ofMillis(29_999));
      pair.b.tick();
      assertTrue(pair.eventsB.isEmpty(), "not yet: initial timeout is 30 s");
      pair.clock.advance(java.time.Duration.ofMillis(1));
      pair.b.tick();
      var timeout = assertInstanceOf(RtpLegEvent.MediaTimeout.class, pair.eventsB.poll());
      assertEquals(java.time.Duration.ofSeconds(30), timeout.silentFor());
      pair.b.tick();
      assertTrue(pair.eventsB.isEmpty(), "reported once per silent spell");

      pair.sendAToB(sine(300, 5000, 0), new PcmFrame(8000)); // media flows again
      pair.clock.advance(java.time.Duration.ofMillis(14_999));
      pair.b.tick();
      assertTrue(pair.eventsB.stream().noneMatch(e -> e instanceof RtpLegEvent.MediaTimeout));
      pair.clock.advance(java.time.Duration.ofMillis(1));
      pair.b.tick();
      assertTrue(pair.eventsB.stream().anyMatch(
          e -> e instanceof RtpLegEvent.MediaTimeout(var silent) && silent.toMillis() == 15_000));
    }
  }

  @Test
  void codecChangeMidCallKeepsAudioExact() throws Exception {
    try (LegPair pair = LegPair.connected(PCMU)) {
      PcmFrame played = new PcmFrame(8000);
      for (int k = 0; k < 5; k++) {
        pair.sendAToB(sine(500, 9000, k * 160L), played);
      }
      pair.a.setMediaFormat(PCMA);
      pair.b.setMediaFormat(PCMA);
      for (int k = 5; k < 15; k++) {
        PcmFrame sent = sine(500, 9000, k * 160L);
        assertTrue(pair.sendAToB(sent, played));
        assertArrayEquals(LegPair.companded(sent, G711Law.A_LAW), Arrays.copyOf(played.samples(), 160));
      }
    }
  }

  @Test
  void rtcpReportsFlowBothWaysWithLsrAndDlsr() throws Exception {
    try (LegPair pair = LegPair.connected(PCMU)) {
      PcmFrame played = new PcmFrame(8000);
      for (int k = 0; k < 20; k++) {
        pair.sendAToB(sine(440, 8000, k * 160L), played);
      }
      pair.clock.advance(java.time.Duration.ofSeconds(5));
      long srTime = pair.clock.millis();
      pair.a.tick(); // A has sent RTP: a sender report
      await(() -> pair.b.stats().rtcpReceived() == 1, "B to receive A's SR");
      pair.clock.advance(java.time.Duration.ofSeconds(1));
      pair.b.tick(); // B only received: a receiver report about A
      await(() -> pair.a.stats().rtcpReceived() == 1, "A to receive B's RR");

      var report = pair.a.stats().remoteReport().orElseThrow();
      assertEquals(pair.a.ssrc(), report.ssrc());
      assertEquals(0, report.cumulativeLost());
      assertEquals(0, report.fractionLost());
      assertEquals(io.switchboard.media.rtp.NtpTime.middle32(io.switchboard.media.rtp.NtpTime.fromEpochMillis(srTime)),
          report.lastSenderReport());
      assertEquals(65_536, report.delaySinceLastSenderReport(), "1 s between A's SR and B's RR");
    }
  }

  @Test
  void closingSendsByeToTheRemote() throws Exception {
    try (LegPair pair = LegPair.connected(PCMU)) {
      pair.sendAToB(sine(440, 8000, 0), new PcmFrame(8000));
      pair.a.close();
      RtpLegEvent event;
      do {
        event = next(pair.eventsB);
      } while (!(event instanceof RtpLegEvent.RemoteBye));
      assertEquals(new RtpLegEvent.RemoteBye("hangup"), event);
    }
  }

  @Test
  void readBeforeAnyPacketHasNothingToPlay() throws Exception {
    try (LegPair pair = LegPair.connected(PCMU)) {
      assertFalse(pair.b.read(new PcmFrame(8000)));
      assertEquals(8000, pair.b.sampleRate());
    }
  }
}
