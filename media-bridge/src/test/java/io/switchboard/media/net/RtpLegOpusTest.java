package io.switchboard.media.net;

import static io.switchboard.media.net.LegPair.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.codec.g711.G711;
import io.switchboard.media.codec.opus.OpusRuntime;
import io.switchboard.media.testing.Goertzel;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A leg carrying Opus (RFC 7587: 48 kHz RTP clock, dynamic payload type) as a SIP trunk would. */
class RtpLegOpusTest {
  private static final MediaFormat OPUS = new MediaFormat(OpusRuntime.load().codec(), 96, 101);

  @Test
  void opusLegCarriesA6KilohertzToneWithZeroJitterOnThe48000Clock() throws Exception {
    try (LegPair pair = LegPair.connected(OPUS)) {
      assertEquals(48_000, pair.b.sampleRate());
      PcmFrame played = new PcmFrame(48_000);
      double tone = 0;
      double off = 0;
      for (int k = 0; k < 50; k++) {
        if (pair.sendAToB(sine48k(6000, k * 960L), played) && k >= 10) {
          assertEquals(48_000, played.sampleRate());
          tone += Goertzel.amplitude(played.samples(), 0, played.length(), 48_000, 6000);
          off += Goertzel.amplitude(played.samples(), 0, played.length(), 48_000, 1000);
        }
      }
      assertTrue(tone > 40 * 3000, "6 kHz, beyond any narrowband codec, played at 48 kHz: " + tone);
      assertTrue(tone > 100 * off, "and nothing else: " + off);
      RtpLegStats stats = pair.b.stats();
      assertEquals(50, stats.packetsReceived());
      assertEquals(0, stats.receivedLost());
      // One packet per 20 ms tick, 960 timestamp units apart: on the 48 kHz clock that is no
      // jitter at all; read at 8000 it would be 800 units of drift per packet.
      assertEquals(0, stats.receivedJitterMillis(), 0.0);

      pair.clock.advance(Duration.ofSeconds(5));
      pair.a.tick();
      await(() -> pair.b.stats().rtcpReceived() == 1, "B to receive A's SR");
      pair.clock.advance(Duration.ofSeconds(1));
      pair.b.tick();
      await(() -> pair.a.stats().rtcpReceived() == 1, "A to receive B's RR");
      var report = pair.a.stats().remoteReport().orElseThrow();
      assertEquals(0, report.cumulativeLost());
      assertEquals(0, report.jitter(), "RR jitter in 48 kHz units");
    }
  }

  @Test
  void aFrameAtThePreviousRateAfterASwitchToOpusGoesOutAsSilence() throws Exception {
    try (LegPair pair = LegPair.connected(MediaFormat.ofStatic(G711.PCMU, 101))) {
      pair.a.setMediaFormat(OPUS);
      pair.b.setMediaFormat(OPUS);
      // The room mixed this tick at 8 kHz before it saw the leg's new rate.
      PcmFrame stale = LegPair.sine(440, 8000, 0);
      PcmFrame played = new PcmFrame(48_000);
      pair.sendAToB(stale, played);
      assertEquals(1, pair.a.stats().packetsSent());
      pair.sendAToB(sine48k(440, 960), played);
      assertEquals(2, pair.b.stats().packetsReceived());
    }
  }

  private static PcmFrame sine48k(double hz, long start) {
    PcmFrame frame = new PcmFrame(48_000);
    for (int i = 0; i < frame.length(); i++) {
      frame.samples()[i] = (short) Math.round(8000 * Math.sin(2 * Math.PI * hz * (start + i) / 48_000));
    }
    return frame;
  }
}
