package io.switchboard.media.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.codec.opus.OpusRuntime;
import io.switchboard.media.jitter.JitterBufferConfig;
import io.switchboard.media.testing.Goertzel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Opus in-band FEC on a leg (RFC 6716 §2.1.7): the tone jumps from 1 kHz to 2 kHz in the one
 * packet lost in transit. Concealment could only extrapolate 1 kHz; recovered from the next
 * packet's redundancy, the lost tick already carries the 2 kHz.
 */
class RtpLegFecTest {
  private static final MediaFormat OPUS = new MediaFormat(OpusRuntime.load().codec(), 96, 101);
  private static final int LOST = 20;

  @Test
  void aLostOpusFrameIsRecoveredFromTheNextPacketsFec() throws Exception {
    Duration delay = Duration.ofMillis(40); // one packet of look-ahead, as any jittery path has
    RtpLegConfig base = LegPair.defaults();
    RtpLegConfig config = new RtpLegConfig(base.localAddress(), 0, JitterBufferConfig.defaults(8000).withDelays(delay, delay),
        base.learningPackets(), base.learnFromAnyAddress(), base.learningWindow(), base.initialMediaTimeout(),
        base.mediaTimeout(), base.rtcpInterval(), base.cname());
    try (LegPair pair = new LegPair(config, Executors.newVirtualThreadPerTaskExecutor())) {
      pair.connect(OPUS);
      List<short[]> played = new ArrayList<>();
      PcmFrame out = new PcmFrame(48_000);
      for (int k = 0; k < 30; k++) {
        PcmFrame frame = sine48k(k < LOST ? 1000 : 2000, k * 960L);
        boolean heard;
        if (k == LOST) { // lost in transit: sent where nobody listens
          pair.a.setRemote(new InetSocketAddress(InetAddress.getLoopbackAddress(), 9), null);
          pair.clock.advance(LegPair.TICK);
          pair.a.write(frame);
          pair.a.setRemote(pair.b.localRtpAddress(), pair.b.localRtcpAddress());
          heard = pair.b.read(out);
        } else {
          heard = pair.sendAToB(frame, out);
        }
        played.add(heard ? out.samples().clone() : null);
      }
      assertEquals(1, pair.b.stats().receivedLost(), "exactly one packet lost");

      int first2k = -1;
      for (int i = 0; i < played.size() && first2k < 0; i++) {
        short[] s = played.get(i);
        if (s != null && Goertzel.amplitude(s, 640, 320, 48_000, 2000) > 1000) {
          first2k = i;
        }
      }
      // Tick k plays packet k - 1 (40 ms of delay), so packet 20 plays on tick 21.
      assertEquals(LOST + 1, first2k, "the 2 kHz is heard from the lost tick on, not one tick later");
      short[] recovered = played.get(LOST + 1);
      assertTrue(Goertzel.amplitude(recovered, 640, 320, 48_000, 2000)
          > 2 * Goertzel.amplitude(recovered, 640, 320, 48_000, 1000), "2 kHz dominates the recovered tail");
    }
  }

  private static PcmFrame sine48k(double hz, long start) {
    PcmFrame frame = new PcmFrame(48_000);
    for (int i = 0; i < frame.length(); i++) {
      frame.samples()[i] = (short) Math.round(10000 * Math.sin(2 * Math.PI * hz * (start + i) / 48_000));
    }
    return frame;
  }
}
