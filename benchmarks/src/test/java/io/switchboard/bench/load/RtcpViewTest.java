package io.switchboard.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class RtcpViewTest {
  private static final int OURS = 0x11223344;

  @Test
  void readsTheReportBlockAboutUsFromACompoundReceiverReport() {
    // RR (RFC 3550 §6.4.2) with two report blocks, the second about us, then an SDES.
    ByteBuffer p = ByteBuffer.allocate(8 + 48 + 12);
    p.put((byte) 0x82).put((byte) 201).putShort((short) 13).putInt(0xCAFE);
    block(p, 0x55555555, 0, 0, 999);
    block(p, OURS, 25, 7, 40);
    p.put((byte) 0x81).put((byte) 202).putShort((short) 2).putInt(0xCAFE).putInt(0);
    p.flip();
    RtcpView view = new RtcpView();
    view.onPacket(p, OURS);
    assertEquals(1, view.reports);
    assertEquals(25, view.fractionLost);
    assertEquals(7, view.cumulativeLost);
    assertEquals(40, view.jitter); // 40 timestamp units: 5 ms at 8 kHz
  }

  @Test
  void readsReportBlocksInASenderReport() {
    ByteBuffer p = ByteBuffer.allocate(28 + 24);
    p.put((byte) 0x81).put((byte) 200).putShort((short) 12).putInt(0xCAFE);
    p.putLong(0).putInt(0).putInt(0).putInt(0); // NTP, RTP timestamp, packet and octet counts
    block(p, OURS, 0, 3, 16);
    p.flip();
    RtcpView view = new RtcpView();
    view.onPacket(p, OURS);
    assertEquals(3, view.cumulativeLost);
    assertEquals(16, view.jitter);
  }

  private static void block(ByteBuffer p, int ssrc, int fraction, int cumulative, int jitter) {
    p.putInt(ssrc).putInt((fraction << 24) | cumulative).putInt(1000).putInt(jitter).putInt(0).putInt(0);
  }
}
