package io.switchboard.sfu.transport.srtp;

import java.security.GeneralSecurityException;
import org.jitsi.srtp.SrtcpCryptoContext;
import org.jitsi.srtp.SrtpContextFactory;
import org.jitsi.srtp.SrtpCryptoContext;
import org.jitsi.srtp.SrtpErrorStatus;
import org.jitsi.srtp.SrtpPolicy;
import org.jitsi.utils.logging2.Logger;
import org.jitsi.utils.logging2.LoggerImpl;

/**
 * Both directions of one SRTP/SRTCP session (RFC 3711) over jitsi-srtp: packets we send are
 * protected with our master key, packets we receive are unprotected with the peer's. Crypto
 * contexts are derived per SSRC on first use; a receive context is kept only once a packet under it
 * has authenticated, so forged packets with random SSRCs cannot fill the table (as JVB does).
 *
 * <p>Packets are transformed in place. Sending and receiving may run on different threads; each
 * direction is serialised by its own lock.
 */
public final class SrtpSession implements AutoCloseable {
  /** RTP fixed header (RFC 3550 §5.1); the SSRC is at byte 8. */
  private static final int RTP_HEADER = 12;

  /** RTCP common header plus sender SSRC (RFC 3550 §6.4). */
  private static final int RTCP_HEADER = 8;

  private final SrtpProfile profile;
  private final SrtpContextFactory sendFactory;
  private final SrtpContextFactory receiveFactory;
  private final SsrcTable<SrtpCryptoContext> sendRtp;
  private final SsrcTable<SrtcpCryptoContext> sendRtcp;
  private final SsrcTable<SrtpCryptoContext> receiveRtp;
  private final SsrcTable<SrtcpCryptoContext> receiveRtcp;
  private final Object sendLock = new Object();
  private final Object receiveLock = new Object();

  /**
   * @param maxSsrcs how many SSRCs each direction may use over the session's life
   */
  public SrtpSession(SrtpMasterKeys keys, int maxSsrcs) {
    this.profile = keys.profile();
    Logger logger = new LoggerImpl(SrtpSession.class.getName());
    SrtpPolicy rtpPolicy = policy(profile);
    SrtpPolicy rtcpPolicy = policy(profile);
    this.sendFactory =
        new SrtpContextFactory(
            true, keys.localKey(), keys.localSalt(), rtpPolicy, rtcpPolicy, logger);
    this.receiveFactory =
        new SrtpContextFactory(
            false, keys.remoteKey(), keys.remoteSalt(), rtpPolicy, rtcpPolicy, logger);
    this.sendRtp = new SsrcTable<>(maxSsrcs);
    this.sendRtcp = new SsrcTable<>(maxSsrcs);
    this.receiveRtp = new SsrcTable<>(maxSsrcs);
    this.receiveRtcp = new SsrcTable<>(maxSsrcs);
  }

  private static SrtpPolicy policy(SrtpProfile profile) {
    SrtpPolicy policy =
        switch (profile) {
          case AES128_CM_HMAC_SHA1_80 ->
              new SrtpPolicy(
                  SrtpPolicy.AESCM_ENCRYPTION,
                  profile.keyLength(),
                  SrtpPolicy.HMACSHA1_AUTHENTICATION,
                  profile.authKeyLength(),
                  profile.tagLength(),
                  profile.saltLength());
          case AEAD_AES_128_GCM ->
              new SrtpPolicy(
                  SrtpPolicy.AESGCM_ENCRYPTION,
                  profile.keyLength(),
                  SrtpPolicy.NULL_AUTHENTICATION,
                  0,
                  profile.tagLength(),
                  profile.saltLength());
        };
    // A forwarder may legitimately send the same packet twice (NACK retransmission), so only the
    // receive side checks replay.
    policy.setSendReplayEnabled(false);
    return policy;
  }

  public SrtpProfile profile() {
    return profile;
  }

  /** Encrypts and authenticates an RTP packet in place. */
  public SrtpStatus protectRtp(PacketBuffer packet) {
    if (packet.length() < RTP_HEADER) {
      return SrtpStatus.INVALID_PACKET;
    }
    int ssrc = readInt(packet, 8);
    synchronized (sendLock) {
      SrtpCryptoContext context = sendRtp.get(ssrc);
      if (context == null) {
        if (sendRtp.isFull()) {
          return SrtpStatus.TOO_MANY_SSRCS;
        }
        try {
          context = sendFactory.deriveContext(ssrc, 0);
        } catch (GeneralSecurityException e) {
          return SrtpStatus.FAILURE;
        }
        sendRtp.put(ssrc, context);
      }
      return transform(context, packet);
    }
  }

  /** Authenticates and decrypts an SRTP packet in place; on failure the bytes are unspecified. */
  public SrtpStatus unprotectRtp(PacketBuffer packet) {
    if (packet.length() < RTP_HEADER + profile.tagLength()) {
      return SrtpStatus.INVALID_PACKET;
    }
    int ssrc = readInt(packet, 8);
    synchronized (receiveLock) {
      SrtpCryptoContext context = receiveRtp.get(ssrc);
      if (context != null) {
        return reverse(context, packet);
      }
      if (receiveRtp.isFull()) {
        return SrtpStatus.TOO_MANY_SSRCS;
      }
      try {
        context = receiveFactory.deriveContext(ssrc, 0);
      } catch (GeneralSecurityException e) {
        return SrtpStatus.FAILURE;
      }
      SrtpStatus status = reverse(context, packet);
      if (status == SrtpStatus.OK) {
        receiveRtp.put(ssrc, context);
      }
      return status;
    }
  }

  /** Encrypts and authenticates an RTCP compound packet in place, appending the SRTCP index. */
  public SrtpStatus protectRtcp(PacketBuffer packet) {
    if (packet.length() < RTCP_HEADER) {
      return SrtpStatus.INVALID_PACKET;
    }
    int ssrc = readInt(packet, 4);
    synchronized (sendLock) {
      SrtcpCryptoContext context = sendRtcp.get(ssrc);
      if (context == null) {
        if (sendRtcp.isFull()) {
          return SrtpStatus.TOO_MANY_SSRCS;
        }
        try {
          context = sendFactory.deriveControlContext(ssrc);
        } catch (GeneralSecurityException e) {
          return SrtpStatus.FAILURE;
        }
        sendRtcp.put(ssrc, context);
      }
      return transform(context, packet);
    }
  }

  /** Authenticates and decrypts an SRTCP packet in place, removing the index and tag. */
  public SrtpStatus unprotectRtcp(PacketBuffer packet) {
    if (packet.length() < RTCP_HEADER + 4 + profile.tagLength()) {
      return SrtpStatus.INVALID_PACKET;
    }
    int ssrc = readInt(packet, 4);
    synchronized (receiveLock) {
      SrtcpCryptoContext context = receiveRtcp.get(ssrc);
      if (context != null) {
        return reverse(context, packet);
      }
      if (receiveRtcp.isFull()) {
        return SrtpStatus.TOO_MANY_SSRCS;
      }
      try {
        context = receiveFactory.deriveControlContext(ssrc);
      } catch (GeneralSecurityException e) {
        return SrtpStatus.FAILURE;
      }
      SrtpStatus status = reverse(context, packet);
      if (status == SrtpStatus.OK) {
        receiveRtcp.put(ssrc, context);
      }
      return status;
    }
  }

  private static SrtpStatus transform(SrtpCryptoContext context, PacketBuffer packet) {
    try {
      return map(context.transformPacket(packet.asJitsi()));
    } catch (GeneralSecurityException e) {
      return SrtpStatus.FAILURE;
    }
  }

  private static SrtpStatus reverse(SrtpCryptoContext context, PacketBuffer packet) {
    try {
      return map(context.reverseTransformPacket(packet.asJitsi(), false));
    } catch (GeneralSecurityException e) {
      return SrtpStatus.FAILURE;
    }
  }

  private static SrtpStatus transform(SrtcpCryptoContext context, PacketBuffer packet) {
    try {
      return map(context.transformPacket(packet.asJitsi()));
    } catch (GeneralSecurityException e) {
      return SrtpStatus.FAILURE;
    }
  }

  private static SrtpStatus reverse(SrtcpCryptoContext context, PacketBuffer packet) {
    try {
      return map(context.reverseTransformPacket(packet.asJitsi()));
    } catch (GeneralSecurityException e) {
      return SrtpStatus.FAILURE;
    }
  }

  private static int readInt(PacketBuffer p, int at) {
    byte[] b = p.buffer();
    int i = p.offset() + at;
    return (b[i] & 0xff) << 24
        | (b[i + 1] & 0xff) << 16
        | (b[i + 2] & 0xff) << 8
        | (b[i + 3] & 0xff);
  }

  private static SrtpStatus map(SrtpErrorStatus status) {
    return switch (status) {
      case OK -> SrtpStatus.OK;
      case AUTH_FAIL -> SrtpStatus.AUTH_FAILURE;
      case REPLAY_FAIL, REPLAY_OLD -> SrtpStatus.REPLAY;
      case INVALID_PACKET -> SrtpStatus.INVALID_PACKET;
      case FAIL -> SrtpStatus.FAILURE;
    };
  }

  /** Wipes the master keys held by the context factories. */
  @Override
  public void close() {
    synchronized (sendLock) {
      sendFactory.close();
    }
    synchronized (receiveLock) {
      receiveFactory.close();
    }
  }
}
