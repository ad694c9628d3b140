package io.switchboard.sfu.webrtc;

import io.switchboard.sfu.transport.SdpRole;
import io.switchboard.sfu.transport.TransportState;
import io.switchboard.sfu.transport.WebRtcTransport;
import io.switchboard.sfu.transport.ice.IceCandidate;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * LiveKit's publisher peer connection: the client offers, we answer, and the client's audio
 * arrives here. Packets are told apart by the SSRC each audio section's {@code a=ssrc} announced;
 * with a single audio ingress any SSRC goes to it.
 */
public final class PublisherConnection implements AutoCloseable {
  private final WebRtcTransport transport;
  private final long sessionId = Math.abs(System.nanoTime());
  private final AtomicLong version = new AtomicLong(1);
  private volatile int[] ssrcs = new int[0];
  private volatile OpusIngress[] ingresses = new OpusIngress[0];
  private boolean remoteSet;
  private final DataSections data;

  PublisherConnection(PeerConnectionFactory factory, WebRtcTransport.StateListener listener)
      throws IOException {
    this.transport = factory.open(SdpRole.ANSWERER, new Media(), listener);
    this.data = new DataSections(transport, factory);
  }

  /**
   * Answers an offer: applies the client's transport the first time (later offers renegotiate
   * media over the same transport) and describes what we accept.
   */
  public synchronized PublisherAnswer answer(String offerSdp) {
    Sdp offer = Sdp.parse(offerSdp);
    RemoteTransport remote = RemoteTransport.of(offer);
    data.onRemote(offer); // before ICE can connect, so the first SCTP packet finds the association
    if (!remoteSet) {
      transport.setRemote(remote.ice(), remote.fingerprints(), remote.setup());
      remoteSet = true;
    }
    remote.candidates().forEach(transport::addRemoteCandidate);
    return PublisherAnswer.answer(
        offer, transport.localDescription(), sessionId, version.incrementAndGet());
  }

  /** Routes the packets of one accepted audio section to its ingress. */
  public synchronized void route(PublisherAnswer.AcceptedAudio audio, OpusIngress ingress) {
    int n = ingresses.length;
    int[] nextSsrcs = java.util.Arrays.copyOf(ssrcs, n + 1);
    OpusIngress[] next = java.util.Arrays.copyOf(ingresses, n + 1);
    nextSsrcs[n] = audio.ssrc();
    next[n] = ingress;
    ssrcs = nextSsrcs;
    ingresses = next;
  }

  /**
   * Carries data channels on this connection (the SCTP section of its SDP); {@code listener} hears
   * of the channels the client opens. Call once, before the descriptions are exchanged.
   */
  public io.switchboard.sfu.transport.sctp.SctpAssociation openDataChannels(
      io.switchboard.sfu.transport.sctp.DataChannelListener listener) {
    return data.open(listener);
  }

  public boolean addRemoteCandidate(IceCandidate candidate) {
    return transport.addRemoteCandidate(candidate);
  }

  public io.switchboard.sfu.transport.TransportStats stats() {
    return transport.stats();
  }

  public TransportState state() {
    return transport.state();
  }

  public boolean checkConsent() {
    return transport.checkConsent();
  }

  @Override
  public void close() {
    transport.close();
  }

  private final class Media implements WebRtcTransport.MediaHandler {
    @Override
    public void onRtp(byte[] buf, int off, int len) {
      OpusIngress[] all = ingresses;
      if (all.length == 0 || len < 12) {
        return;
      }
      if (all.length == 1) {
        all[0].onRtp(buf, off, len);
        return;
      }
      int ssrc = RtpFields.i32(buf, off + 8);
      int[] known = ssrcs;
      for (int i = 0; i < known.length; i++) {
        if (known[i] == ssrc) {
          all[i].onRtp(buf, off, len);
          return;
        }
      }
    }

    @Override
    public void onRtcp(byte[] buf, int off, int len) {
      // TODO(issue 4): sender reports and NACKs from publishers are not used yet.
    }
  }
}
