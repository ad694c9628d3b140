package io.switchboard.sfu.webrtc;

import io.switchboard.sfu.transport.SdpRole;
import io.switchboard.sfu.transport.TransportState;
import io.switchboard.sfu.transport.WebRtcTransport;
import io.switchboard.sfu.transport.ice.IceCandidate;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * LiveKit's subscriber peer connection: we offer (a data-channel section, then one audio section
 * per subscribed track) and the client answers. Each subscribed track gets a {@link DownTrack}
 * with its own SSRC that sends on this connection.
 */
public final class SubscriberConnection implements AutoCloseable {
  private final WebRtcTransport transport;
  private final java.time.Clock clock;
  private final List<DownTrack> downTracks = new ArrayList<>();
  private final long sessionId = Math.abs(System.nanoTime());
  private final List<SubscriberOffer.AudioSection> sections = new ArrayList<>();
  private long version = 1;
  private int offerId;
  private boolean remoteSet;
  private final DataSections data;

  SubscriberConnection(PeerConnectionFactory factory, WebRtcTransport.StateListener listener)
      throws IOException {
    this.transport = factory.open(SdpRole.OFFERER, new Feedback(), listener);
    this.data = new DataSections(transport, factory);
    this.clock = factory.clock();
  }

  /** An offer to send; the id is LiveKit's SessionDescription.id, which the answer echoes. */
  public record Offer(String sdp, int id) {}

  public synchronized Offer offer() {
    version++;
    offerId++;
    return new Offer(
        SubscriberOffer.build(transport.localDescription(), sections, sessionId, version), offerId);
  }

  /** Adds an audio section for a track (reusing an emptied one) and its down track. */
  public synchronized DownTrack addTrack(String participantSid, String trackSid) {
    return addTrack(participantSid, trackSid, false);
  }

  /**
   * Adds a video section for a track (reusing an emptied video one) and its down track, which
   * becomes a video down track when added to the track's {@link TrackFanout}.
   */
  public synchronized DownTrack addVideoTrack(String participantSid, String trackSid) {
    return addTrack(participantSid, trackSid, true);
  }

  private DownTrack addTrack(String participantSid, String trackSid, boolean video) {
    int ssrc = ThreadLocalRandom.current().nextInt();
    var section = new SubscriberOffer.AudioSection("", participantSid, trackSid, ssrc, true, video);
    int reuse = -1;
    for (int i = 0; i < sections.size(); i++) {
      if (!sections.get(i).active() && sections.get(i).video() == video) {
        reuse = i;
        break;
      }
    }
    if (reuse >= 0) {
      sections.set(reuse, withMid(section, sections.get(reuse).mid()));
    } else {
      sections.add(withMid(section, Integer.toString(sections.size() + 1)));
    }
    DownTrack down =
        new DownTrack(ssrc, SubscriberOffer.OPUS_PAYLOAD_TYPE, transport::sendRtp, transport::sendRtcp, participantSid, clock);
    downTracks.add(down);
    return down;
  }

  /** Sends every active down track's RTCP sender report (call every few seconds). */
  public synchronized void sendReports() {
    for (DownTrack d : downTracks) {
      d.sendReport();
    }
  }

  /** Empties the section of a track; true if it had one. */
  public synchronized boolean removeTrack(String trackSid) {
    for (int i = 0; i < sections.size(); i++) {
      var s = sections.get(i);
      if (s.active() && s.trackSid().equals(trackSid)) {
        int gone = s.ssrc();
        downTracks.removeIf(d -> d.ssrc() == gone);
        sections.set(i, new SubscriberOffer.AudioSection(s.mid(), "", "", 0, false, s.video()));
        return true;
      }
    }
    return false;
  }

  /** mid to track sid of the active sections (LiveKit's mid_to_track_id, used by Firefox). */
  public synchronized java.util.Map<String, String> midToTrackId() {
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
    sections.stream().filter(SubscriberOffer.AudioSection::active)
        .forEach(s -> out.put(s.mid(), s.trackSid()));
    return out;
  }

  public synchronized Optional<String> midOf(String trackSid) {
    return sections.stream().filter(s -> s.active() && s.trackSid().equals(trackSid))
        .map(SubscriberOffer.AudioSection::mid).findFirst();
  }

  /** Applies the client's answer; its transport is taken from the first one. */
  public synchronized void onAnswer(String answerSdp) {
    Sdp answer = Sdp.parse(answerSdp);
    RemoteTransport remote = RemoteTransport.of(answer);
    data.onRemote(answer); // before ICE can connect, so the first SCTP packet finds the association
    if (!remoteSet) {
      transport.setRemote(remote.ice(), remote.fingerprints(), remote.setup());
      remoteSet = true;
    }
    remote.candidates().forEach(transport::addRemoteCandidate);
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

  private static SubscriberOffer.AudioSection withMid(SubscriberOffer.AudioSection s, String mid) {
    return new SubscriberOffer.AudioSection(mid, s.participantSid(), s.trackSid(), s.ssrc(), s.active(), s.video());
  }

  private synchronized DownTrack downTrack(int ssrc) {
    for (DownTrack d : downTracks) {
      if (d.ssrc() == ssrc) {
        return d;
      }
    }
    return null;
  }

  /**
   * A subscriber connection receives no media, only RTCP about what we send: NACKs are answered
   * from the track's packet cache, PLI and FIR go to the publisher; receiver reports are not used.
   */
  private final class Feedback implements WebRtcTransport.MediaHandler, RtcpFeedback.Handler {
    @Override
    public void onRtp(byte[] buf, int off, int len) {}

    @Override
    public void onRtcp(byte[] buf, int off, int len) {
      RtcpFeedback.walk(buf, off, len, this);
    }

    @Override
    public void onNack(int mediaSsrc, int seq, int bitmask) {
      DownTrack d = downTrack(mediaSsrc);
      if (d != null) {
        d.onNack(seq, bitmask);
      }
    }

    @Override
    public void onKeyframeRequest(int mediaSsrc) {
      DownTrack d = downTrack(mediaSsrc);
      if (d != null) {
        d.onKeyframeRequest();
      }
    }
  }
}
