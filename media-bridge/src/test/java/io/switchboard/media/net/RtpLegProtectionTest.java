package io.switchboard.media.net;

import static io.switchboard.media.net.LegPair.await;
import static io.switchboard.media.net.LegPair.sine;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.codec.g711.G711;
import io.switchboard.media.codec.g711.G711Law;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A leg's {@link PacketProtection} wraps every packet on the wire. The test protection appends a
 * 4-byte check word and inverts the bytes, so a leg that does not share it cannot play the audio,
 * and a packet whose check fails is dropped and counted (as SRTP authentication failures are).
 */
class RtpLegProtectionTest {
  private static final MediaFormat PCMU = MediaFormat.ofStatic(G711.PCMU, 101);

  /** Inverts every byte and appends (or checks and strips) a 0xC0FFEE11 trailer. */
  private static final class InvertAndTag implements PacketProtection {
    int protectedRtp;
    int protectedRtcp;
    boolean closed;

    private static int protect(byte[] p, int length) {
      for (int i = 0; i < length; i++) {
        p[i] = (byte) ~p[i];
      }
      p[length] = (byte) 0xC0;
      p[length + 1] = (byte) 0xFF;
      p[length + 2] = (byte) 0xEE;
      p[length + 3] = 0x11;
      return length + 4;
    }

    private static int unprotect(byte[] p, int length) {
      int body = length - 4;
      if (body < 0 || p[body] != (byte) 0xC0 || p[body + 1] != (byte) 0xFF || p[body + 2] != (byte) 0xEE
          || p[body + 3] != 0x11) {
        return -1;
      }
      for (int i = 0; i < body; i++) {
        p[i] = (byte) ~p[i];
      }
      return body;
    }

    @Override
    public int protectRtp(byte[] packet, int length) {
      protectedRtp++;
      return protect(packet, length);
    }

    @Override
    public int unprotectRtp(byte[] packet, int length) {
      return unprotect(packet, length);
    }

    @Override
    public int protectRtcp(byte[] packet, int length) {
      protectedRtcp++;
      return protect(packet, length);
    }

    @Override
    public int unprotectRtcp(byte[] packet, int length) {
      return unprotect(packet, length);
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @Test
  void protectedLegsPlayEachOthersAudioSampleExact() throws Exception {
    try (LegPair pair = LegPair.connected(PCMU)) {
      var a = new InvertAndTag();
      var b = new InvertAndTag();
      pair.a.setProtection(a);
      pair.b.setProtection(b);
      PcmFrame played = new PcmFrame(8000);
      for (int k = 0; k < 20; k++) {
        PcmFrame sent = sine(440, 12_000, k * 160L);
        assertTrue(pair.sendAToB(sent, played), "B plays a frame on tick " + k);
        assertArrayEquals(LegPair.companded(sent, G711Law.MU_LAW), Arrays.copyOf(played.samples(), 160));
      }
      assertEquals(20, a.protectedRtp);
      assertEquals(0, pair.b.stats().droppedMalformed());
      pair.a.close();
      assertTrue(a.closed, "closing the leg releases its keys");
      assertTrue(a.protectedRtcp >= 1, "the RTCP BYE went out protected");
    }
  }

  @Test
  void packetsThatFailUnprotectAreDroppedAndCounted() throws Exception {
    try (LegPair pair = LegPair.connected(PCMU)) {
      pair.b.setProtection(new InvertAndTag()); // A sends plain RTP: B cannot authenticate it
      PcmFrame played = new PcmFrame(8000);
      for (int k = 0; k < 5; k++) {
        pair.a.write(sine(440, 12_000, k * 160L));
      }
      await(() -> pair.b.stats().droppedMalformed() == 5, "5 unauthenticated packets dropped");
      assertEquals(0, pair.b.stats().packetsReceived());
      assertFalse(pair.b.read(played), "B has nothing to play");
    }
  }
}
