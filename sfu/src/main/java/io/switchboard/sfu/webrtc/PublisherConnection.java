package io.switchboard.sfu.webrtc;

import io.switchboard.sfu.transport.SdpRole;
import io.switchboard.sfu.transport.TransportState;
import io.switchboard.sfu.transport.WebRtcTransport;
import io.switchboard.sfu.transport.ice.IceCandidate;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * LiveKit's publisher peer connection: the client offers, we answer, and the client's audio
 * and video arrive here. Packets are told apart by the SSRC each audio section's {@code a=ssrc} announced;
 * with a single audio ingress any SSRC goes to it.
 */
public final class PublisherConnection implements AutoCloseable {
  private final WebRtcTransport transport;
  private final long sessionId = Math.abs(System.nanoTime());
  private final AtomicLong version = new AtomicLong(1);
  private volatile int[] ssrcs = new int[0];
  private volatile RtpIngress[] ingresses = new RtpIngress[0];
  /** Per ingress, the payload type that routes packets of an SSRC no section announced. */
  private volatile int[] payloadTypes = new int[0];
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
    return answer(offerSdp, java.util.Map.of());
  }

  /** As {@link #answer(String)}, choosing each video track's codec as its AddTrackRequest asked. */
  public synchronized PublisherAnswer answer(String offerSdp, java.util.Map<String, VideoCodec> videoCodecs) {
    Sdp offer = Sdp.parse(offerSdp);
    RemoteTransport remote = RemoteTransport.of(offer);
    data.onRemote(offer); // before ICE can connect, so the first SCTP packet finds the association
    if (!remoteSet) {
      transport.setRemote(remote.ice(), remote.fingerprints(), remote.setup());
      remoteSet = true;
    }
    remote.candidates().forEach(transport::addRemoteCandidate);
    return PublisherAnswer.answer(
        offer, transport.localDescription(), sessionId, version.incrementAndGet(), videoCodecs);
  }

  /** Routes the packets of one accepted audio section to its ingress. */
  public synchronized void route(PublisherAnswer.AcceptedAudio audio, OpusIngress ingress) {
    add(audio.ssrc(), audio.payloadType(), ingress);
  }

  /** Routes the packets of one accepted video section to its ingress. */
  public synchronized void route(PublisherAnswer.AcceptedVideo video, VideoIngress ingress) {
    add(video.ssrc(), video.codec().payloadType(), ingress);
  }

  /** Sends one RTCP packet to the publisher (feedback about what it sends us). */
  public RtpSender rtcpSender() {
    return transport::sendRtcp;
  }

  private void add(int ssrc, int payloadType, RtpIngress ingress) {
    int n = ingresses.length;
    int[] nextSsrcs = java.util.Arrays.copyOf(ssrcs, n + 1);
    int[] nextTypes = java.util.Arrays.copyOf(payloadTypes, n + 1);
    RtpIngress[] next = java.util.Arrays.copyOf(ingresses, n + 1);
    nextSsrcs[n] = ssrc;
    nextTypes[n] = payloadType;
    next[n] = ingress;
    ssrcs = nextSsrcs;
    payloadTypes = nextTypes;
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
      RtpIngress[] all = ingresses;
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
      // A section that announced no SSRC (simulcast by rid): the first such of this payload type.
      int pt = buf[off + 1] & 0x7F;
      int[] types = payloadTypes;
      for (int i = 0; i < known.length; i++) {
        if (known[i] == 0 && types[i] == pt) {
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
