package io.switchboard.sip.room;

import io.switchboard.media.codec.AudioCodec;
import io.switchboard.media.net.RtpLeg;
import io.switchboard.media.net.RtpLegConfig;
import io.switchboard.media.net.RtpPortAllocator;
import io.switchboard.sip.inbound.InviteInfo;
import io.switchboard.sip.inbound.MediaSession;
import io.switchboard.sip.leg.NegotiatedLeg;
import io.switchboard.sip.inbound.MediaSessionFactory;
import io.switchboard.sip.inbound.MediaUnavailableException;
import io.switchboard.sip.sdp.NegotiatedAudio;
import java.io.IOException;
import java.time.Clock;
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
  private final AudioCodec opus;

  /**
   * @param advertisedAddress the address written into our SDP: the external one behind NAT
   * @param opus the Opus codec legs use when SDP settles on it (media-bridge's OpusRuntime)
   */
  public RtpMediaSessions(
      RtpPortAllocator ports,
      RtpLegConfig legConfig,
      Executor receiveExecutor,
      Clock clock,
      String advertisedAddress,
      CallRegistry calls,
      AudioCodec opus) {
    this.ports = ports;
    this.legConfig = legConfig;
    this.receiveExecutor = receiveExecutor;
    this.clock = clock;
    this.advertisedAddress = advertisedAddress;
    this.calls = calls;
    this.opus = NegotiatedLeg.requireOpus(opus);
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
    private final NegotiatedLeg negotiated;
    private final RoomCall call;

    Session(RtpLeg leg, RoomCall call) {
      this.leg = leg;
      this.negotiated = new NegotiatedLeg(leg, opus);
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
      negotiated.apply(audio);
      call.media().setDirection(audio.direction().sends(), audio.direction().receives());
    }

    @Override
    public void close() {
      leg.close();
    }
  }
}
