package io.switchboard.sip.room;

import io.switchboard.media.net.RtpLeg;
import io.switchboard.media.net.RtpLegConfig;
import io.switchboard.media.net.RtpPortAllocator;
import io.switchboard.sip.inbound.InviteInfo;
import io.switchboard.sip.inbound.MediaSession;
import io.switchboard.sip.inbound.MediaSessionFactory;
import io.switchboard.sip.inbound.MediaUnavailableException;
import io.switchboard.sip.sdp.NegotiatedAudio;
import io.switchboard.sip.sdp.SrtpKeys;
import io.switchboard.sip.srtp.SdesSrtpProtection;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Opens one RTP leg per call on a port from the configured range and hands it to the call's
 * room side, found by Call-ID in the registry.
 */
public final class RtpMediaSessions implements MediaSessionFactory {
  private static final int BIND_ATTEMPTS = 8;

  private final RtpPortAllocator ports;
  private final RtpLegConfig legConfig;
  private final Executor receiveExecutor;
  private final Clock clock;
  private final String advertisedAddress;
  private final CallRegistry calls;

  /**
   * @param advertisedAddress the address written into our SDP: the external one behind NAT
   */
  public RtpMediaSessions(
      RtpPortAllocator ports,
      RtpLegConfig legConfig,
      Executor receiveExecutor,
      Clock clock,
      String advertisedAddress,
      CallRegistry calls) {
    this.ports = ports;
    this.legConfig = legConfig;
    this.receiveExecutor = receiveExecutor;
    this.clock = clock;
    this.advertisedAddress = advertisedAddress;
    this.calls = calls;
  }

  @Override
  public MediaSession open(String callId, InviteInfo invite) throws MediaUnavailableException {
    RoomCall call =
        calls.find(callId).orElseThrow(() -> new MediaUnavailableException("call " + callId + " is not dispatched"));
    RtpLeg leg;
    try {
      leg = RtpLeg.openOnAllocatedPort(ports, legConfig, receiveExecutor, clock, call::onLegEvent, BIND_ATTEMPTS);
    } catch (IOException | IllegalStateException e) {
      throw new MediaUnavailableException("no RTP port for call " + callId + ": " + e.getMessage());
    }
    call.media().attach(leg);
    return new Session(leg, call);
  }

  private final class Session implements MediaSession {
    private final RtpLeg leg;
    private final RoomCall call;
    /** The SDES keys in force; touched only on the call's executor. */
    private SrtpKeys keys;

    Session(RtpLeg leg, RoomCall call) {
      this.leg = leg;
      this.call = call;
    }

    @Override
    public String localAddress() {
      return advertisedAddress;
    }

    @Override
    public int localPort() {
      return leg.localRtpAddress().getPort();
    }

    @Override
    public void update(NegotiatedAudio audio) {
      InetSocketAddress rtp = new InetSocketAddress(audio.remoteAddress(), audio.remotePort());
      InetSocketAddress rtcp = new InetSocketAddress(audio.remoteAddress(), audio.remotePort() + 1);
      leg.setRemote(rtp, rtcp);
      leg.setMediaFormat(Codecs.format(audio));
      if (!Objects.equals(keys, audio.srtp())) { // same keys after a re-INVITE: keep the SRTP state
        keys = audio.srtp();
        leg.setProtection(keys == null ? null : SdesSrtpProtection.of(keys));
      }
      call.media().setDirection(audio.direction().sends(), audio.direction().receives());
    }

    @Override
    public void close() {
      leg.close();
    }
  }
}
