package io.switchboard.sfu.webrtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.codec.AudioDecoder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An audio publisher hears RFC 3550 §6.4.2 receiver reports about its track every 5 s. */
class OpusIngressReportsTest {
  private static final int SOURCE = 0x0A0B0C0D;

  /** A clock the test moves. */
  private static final class Steps extends Clock {
    long millis = 1_700_000_000_000L;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis);
    }
  }

  /** Never asked to decode here: only the RTP path is exercised. */
  private static final AudioDecoder UNUSED = new AudioDecoder() {
    @Override
    public int sampleRate() {
      return 48_000;
    }

    @Override
    public void decode(byte[] payload, int offset, int length, PcmFrame out) {
      throw new AssertionError("not decoded in this test");
    }

    @Override
    public void conceal(PcmFrame out) {
      throw new AssertionError("not concealed in this test");
    }
  };

  @Test
  void reportsLossToThePublisherEveryFiveSeconds() {
    Steps clock = new Steps();
    List<byte[]> rtcp = new ArrayList<>();
    OpusIngress ingress = new OpusIngress(111, new TrackFanout(), UNUSED, clock);
    ingress.reportTo((b, o, l) -> rtcp.add(Arrays.copyOfRange(b, o, o + l)), 0x77);
    for (int seq = 0; seq <= 250; seq++) {
      if (seq % 10 == 5) {
        clock.millis += 20;
        continue; // one packet in ten lost
      }
      byte[] p = new byte[12 + 3];
      p[0] = (byte) 0x80;
      p[1] = 111;
      RtpFields.putU16(p, 2, seq);
      RtpFields.putI32(p, 4, seq * 960);
      RtpFields.putI32(p, 8, SOURCE);
      ingress.onRtp(p, 0, p.length);
      clock.millis += 20;
    }
    assertEquals(1, rtcp.size(), "250 packets of 20 ms: one report after 5 s");
    byte[] rr = rtcp.getFirst();
    assertEquals(201, rr[1] & 0xFF);
    assertEquals(1, rr[0] & 0x1F, "one report block");
    assertEquals(0x77, RtpFields.i32(rr, 4));
    assertEquals(SOURCE, RtpFields.i32(rr, 8));
    int fractionLost = rr[12] & 0xFF;
    assertTrue(fractionLost > 20 && fractionLost < 32, "about 10 % lost (of 256): " + fractionLost);
  }
}
