package io.switchboard.sfu.webrtc;

import io.switchboard.sfu.transport.SdpRole;
import io.switchboard.sfu.transport.WebRtcTransport;
import io.switchboard.sfu.transport.WebRtcTransportConfig;
import io.switchboard.sfu.transport.dtls.DtlsCertificate;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import io.switchboard.sfu.transport.sctp.DataChannelListener;
import io.switchboard.sfu.transport.sctp.SctpAssociation;
import io.switchboard.sfu.transport.sctp.SctpConfig;
import io.switchboard.sfu.transport.sctp.SctpScheduler;

/** Opens the transports of LiveKit's two peer connections with shared settings and identity. */
public final class PeerConnectionFactory {
  private final WebRtcTransportConfig config;
  private final DtlsCertificate certificate;
  private final Executor blockingExecutor;
  private final Clock clock;
  private final SctpScheduler sctpTimers;
  private final java.security.SecureRandom random = new java.security.SecureRandom();

  /** @param timers wakes the SCTP associations' timers (data channels); the work runs on {@code blockingExecutor} */
  public PeerConnectionFactory(
      WebRtcTransportConfig config, DtlsCertificate certificate, Executor blockingExecutor, Clock clock,
      ScheduledExecutorService timers) {
    this.config = config;
    this.certificate = certificate;
    this.blockingExecutor = blockingExecutor;
    this.clock = clock;
    // The timer thread only hands over: SCTP work (retransmissions, DTLS sends) runs off it.
    SctpScheduler onTimers = SctpScheduler.of(timers);
    this.sctpTimers = (task, delayMillis) -> onTimers.schedule(() -> blockingExecutor.execute(task), delayMillis);
  }

  public Clock clock() {
    return clock;
  }

  WebRtcTransport open(
      SdpRole role, WebRtcTransport.MediaHandler media, WebRtcTransport.StateListener listener)
      throws IOException {
    return WebRtcTransport.open(config, role, certificate, media, listener, blockingExecutor, clock);
  }

  /** An SCTP association for data channels that sends on {@code transport} (not yet attached to it). */
  SctpAssociation sctp(WebRtcTransport transport, DataChannelListener listener) {
    return SctpAssociation.create(SctpConfig.defaults(), transport::sendData, listener, sctpTimers, clock, random);
  }

  public PublisherConnection publisher(WebRtcTransport.StateListener listener) throws IOException {
    return new PublisherConnection(this, listener);
  }

  public SubscriberConnection subscriber(WebRtcTransport.StateListener listener) throws IOException {
    return new SubscriberConnection(this, listener);
  }
}
