package io.switchboard.sfu.webrtc;

import io.switchboard.sfu.transport.SdpRole;
import io.switchboard.sfu.transport.WebRtcTransport;
import io.switchboard.sfu.transport.WebRtcTransportConfig;
import io.switchboard.sfu.transport.dtls.DtlsCertificate;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.Executor;

/** Opens the transports of LiveKit's two peer connections with shared settings and identity. */
public final class PeerConnectionFactory {
  private final WebRtcTransportConfig config;
  private final DtlsCertificate certificate;
  private final Executor blockingExecutor;
  private final Clock clock;

  public PeerConnectionFactory(
      WebRtcTransportConfig config, DtlsCertificate certificate, Executor blockingExecutor, Clock clock) {
    this.config = config;
    this.certificate = certificate;
    this.blockingExecutor = blockingExecutor;
    this.clock = clock;
  }

  public Clock clock() {
    return clock;
  }

  WebRtcTransport open(
      SdpRole role, WebRtcTransport.MediaHandler media, WebRtcTransport.StateListener listener)
      throws IOException {
    return WebRtcTransport.open(config, role, certificate, media, listener, blockingExecutor, clock);
  }

  public PublisherConnection publisher(WebRtcTransport.StateListener listener) throws IOException {
    return new PublisherConnection(this, listener);
  }

  public SubscriberConnection subscriber(WebRtcTransport.StateListener listener) throws IOException {
    return new SubscriberConnection(this, listener);
  }
}
