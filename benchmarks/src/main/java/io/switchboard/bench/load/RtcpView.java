package io.switchboard.bench.load;

import java.nio.ByteBuffer;

/**
 * The server's view of this caller's stream, from the report blocks about it in the server's
 * RTCP sender and receiver reports (RFC 3550 §6.4): loss and interarrival jitter as the server's
 * RTP leg measured them. Receiver-thread only.
 */
final class RtcpView {
  private static final int SR = 200;
  private static final int RR = 201;

  long reports;
  int fractionLost;
  int cumulativeLost;
  /** Interarrival jitter in RTP timestamp units (8 kHz: 125 µs each). */
  long jitter;
  long maxJitter;

  /** Reads every report block about {@code ourSsrc} in a compound RTCP packet. */
  void onPacket(ByteBuffer datagram, int ourSsrc) {
    int at = datagram.position();
    int end = datagram.limit();
    while (at + 8 <= end) {
      int first = datagram.get(at) & 0xFF;
      int type = datagram.get(at + 1) & 0xFF;
      int length = ((datagram.getShort(at + 2) & 0xFFFF) + 1) * 4;
      if ((first & 0xC0) != 0x80 || at + length > end) {
        return;
      }
      int blocks = first & 0x1F;
      int blockStart = type == SR ? at + 28 : type == RR ? at + 8 : -1;
      for (int b = 0; blockStart >= 0 && b < blocks; b++) {
        int block = blockStart + 24 * b;
        if (block + 24 > at + length) {
          break;
        }
        if (datagram.getInt(block) == ourSsrc) {
          reports++;
          fractionLost = datagram.get(block + 4) & 0xFF;
          cumulativeLost = datagram.getInt(block + 4) & 0x00FF_FFFF;
          jitter = datagram.getInt(block + 12) & 0xFFFF_FFFFL;
          maxJitter = Math.max(maxJitter, jitter);
        }
      }
      at += length;
    }
  }
}
