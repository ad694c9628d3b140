package io.switchboard.sip.srtp;

import io.switchboard.media.net.PacketProtection;
import io.switchboard.sfu.transport.srtp.PacketBuffer;
import io.switchboard.sfu.transport.srtp.SrtpMasterKeys;
import io.switchboard.sfu.transport.srtp.SrtpProfile;
import io.switchboard.sfu.transport.srtp.SrtpSession;
import io.switchboard.sfu.transport.srtp.SrtpStatus;
import io.switchboard.sip.sdp.SrtpKeys;
import io.switchboard.sip.sdp.SrtpSuite;
import java.util.Arrays;

/**
 * SRTP and SRTCP (RFC 3711) for an RTP leg, keyed by SDES (RFC 4568): the sfu's
 * {@link SrtpSession} does the cryptography, this class maps SDP keys onto it and gives each of
 * the leg's four packet paths its own reusable buffer view, so nothing is allocated per packet.
 */
public final class SdesSrtpProtection implements PacketProtection {
  /** A SIP leg sends one SSRC and receives one, a few more across re-INVITEs and transfers. */
  private static final int MAX_SSRCS = 16;

  private final SrtpSession session;
  private final PacketBuffer sendRtp = new PacketBuffer(0);
  private final PacketBuffer receiveRtp = new PacketBuffer(0);
  private final PacketBuffer sendRtcp = new PacketBuffer(0);
  private final PacketBuffer receiveRtcp = new PacketBuffer(0);

  private SdesSrtpProtection(SrtpSession session) {
    this.session = session;
  }

  /**
   * @throws IllegalArgumentException if the suite is one the SRTP engine does not run
   */
  public static SdesSrtpProtection of(SrtpKeys keys) {
    if (keys.suite() != SrtpSuite.AES_CM_128_HMAC_SHA1_80) {
      throw new IllegalArgumentException("SRTP suite " + keys.suite() + " is not supported on SIP legs");
    }
    SrtpProfile profile = SrtpProfile.AES128_CM_HMAC_SHA1_80;
    byte[] local = keys.local().keySalt();
    byte[] remote = keys.remote().keySalt();
    int k = profile.keyLength();
    try {
      return new SdesSrtpProtection(new SrtpSession(SrtpMasterKeys.of(profile,
          Arrays.copyOfRange(local, 0, k), Arrays.copyOfRange(local, k, local.length),
          Arrays.copyOfRange(remote, 0, k), Arrays.copyOfRange(remote, k, remote.length)), MAX_SSRCS));
    } finally {
      Arrays.fill(local, (byte) 0);
      Arrays.fill(remote, (byte) 0);
    }
  }

  @Override
  public int protectRtp(byte[] packet, int length) {
    return outcome(session.protectRtp(sendRtp.wrap(packet, 0, length)), sendRtp, packet);
  }

  @Override
  public int unprotectRtp(byte[] packet, int length) {
    return outcome(session.unprotectRtp(receiveRtp.wrap(packet, 0, length)), receiveRtp, packet);
  }

  @Override
  public int protectRtcp(byte[] packet, int length) {
    return outcome(session.protectRtcp(sendRtcp.wrap(packet, 0, length)), sendRtcp, packet);
  }

  @Override
  public int unprotectRtcp(byte[] packet, int length) {
    return outcome(session.unprotectRtcp(receiveRtcp.wrap(packet, 0, length)), receiveRtcp, packet);
  }

  /** The new length, or -1; the view moves only if the leg's array lacked room, which it never does. */
  private static int outcome(SrtpStatus status, PacketBuffer view, byte[] packet) {
    if (status != SrtpStatus.OK || view.buffer() != packet || view.offset() != 0) {
      return -1;
    }
    return view.length();
  }

  @Override
  public void close() {
    session.close();
  }
}
