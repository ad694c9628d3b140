package io.switchboard.media.net;

/**
 * Transforms a leg's packets on the wire, e.g. SRTP (RFC 3711) with keys from SDES. Each method
 * works in place on {@code packet[0..length)} and returns the new length, or -1 to drop the
 * packet (failed authentication, replay). The array has room after the packet for a tag and an
 * SRTCP index ({@link #MAX_OVERHEAD} bytes). Called on the leg's media and receive threads;
 * must not allocate per packet.
 */
public interface PacketProtection {
  /** Bytes a protected packet may grow by: SRTCP index (4) plus the longest tag we use. */
  int MAX_OVERHEAD = 4 + 16;

  int protectRtp(byte[] packet, int length);

  int unprotectRtp(byte[] packet, int length);

  int protectRtcp(byte[] packet, int length);

  int unprotectRtcp(byte[] packet, int length);

  /** Releases keys; called when the leg closes or the protection is replaced. */
  void close();
}
