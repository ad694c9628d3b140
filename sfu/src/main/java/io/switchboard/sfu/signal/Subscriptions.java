package io.switchboard.sfu.signal;

import io.switchboard.sfu.room.ParticipantInfo;
import io.switchboard.sfu.room.RoomManager;
import io.switchboard.sfu.room.TrackInfo;
import io.switchboard.sfu.transport.ice.IceCandidate;
import io.switchboard.sfu.webrtc.DownTrack;
import io.switchboard.sfu.webrtc.SubscriberConnection;
import io.switchboard.sfu.webrtc.TrackFanout;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import livekit.LivekitRtc;

/**
 * The subscriber side of a session: which tracks the client receives, the subscriber connection
 * they travel on, and its offers. One offer is outstanding at a time; changes meanwhile are
 * offered once the answer is in. Session-executor only.
 */
final class Subscriptions implements AutoCloseable {
  private record Subscribed(TrackFanout fanout, DownTrack downTrack) {}

  private final SubscriberConnection connection;
  private final TrackRegistry tracks;
  private final RoomManager rooms;
  private volatile String roomName;
  private final String identity;
  private final SignalSink sink;
  private final SubscriptionReadiness readiness;
  private final Map<String, Subscribed> subscribed = new LinkedHashMap<>();
  private boolean awaitingAnswer;
  private boolean offerAgain;

  Subscriptions(
      SubscriberConnection connection, TrackRegistry tracks, RoomManager rooms, String roomName, SignalSink sink,
      String identity) {
    this.connection = connection;
    this.tracks = tracks;
    this.rooms = rooms;
    this.roomName = roomName;
    this.identity = identity;
    this.sink = sink;
    this.readiness = new SubscriptionReadiness(new SubscriptionReadiness.Listener() {
      @Override
      public void connected() {
        rooms.room(Subscriptions.this.roomName).ifPresent(r -> r.subscriberConnected(identity));
      }

      @Override
      public void subscribed(String trackSid) {
        rooms.room(Subscriptions.this.roomName).ifPresent(r -> r.trackSubscribed(identity, trackSid));
      }
    });
  }

  /**
   * Starts receiving an audio track, or a video track a WebRTC client publishes; false if
   * already subscribed or neither.
   */
  boolean subscribe(String participantSid, TrackInfo track) {
    if (subscribed.containsKey(track.sid())) {
      return false;
    }
    if (track.kind() == TrackInfo.TrackKind.VIDEO) {
      return subscribeVideo(participantSid, track);
    }
    if (!SignalSession.isAudio(track)) {
      return false;
    }
    DownTrack down = connection.addTrack(participantSid, track.sid());
    TrackFanout fanout = tracks.fanout(rooms, roomName, track.sid());
    fanout.add(down);
    subscribed.put(track.sid(), new Subscribed(fanout, down));
    return true;
  }

  /** Video is forwarded from its publisher's fan-out; its down track asks for a keyframe to start. */
  private boolean subscribeVideo(String participantSid, TrackInfo track) {
    var fanout = tracks.forwarded(track.sid());
    if (fanout.isEmpty() || !fanout.get().isVideo()) {
      return false;
    }
    DownTrack down = connection.addVideoTrack(participantSid, track.sid());
    fanout.get().add(down);
    subscribed.put(track.sid(), new Subscribed(fanout.get(), down));
    return true;
  }

  /** Stops receiving a track; false if it was not subscribed. */
  boolean unsubscribe(String trackSid) {
    Subscribed s = subscribed.remove(trackSid);
    if (s == null) {
      return false;
    }
    s.fanout().remove(s.downTrack());
    connection.removeTrack(trackSid);
    readiness.dropped(trackSid);
    return true;
  }

  /**
   * The client moved to {@code destination}: it stops receiving every track of the room it left
   * (their sections go inactive at the next offer) and subscribes afresh in the new one.
   *
   * @return whether anything was unsubscribed
   */
  boolean moveTo(String destination) {
    boolean changed = false;
    for (String trackSid : List.copyOf(subscribed.keySet())) {
      changed |= unsubscribe(trackSid);
    }
    roomName = destination;
    if (readiness.isConnected()) {
      // The new room hears that this subscriber receives, as it would have on a join.
      rooms.room(destination).ifPresent(r -> r.subscriberConnected(identity));
    }
    return changed;
  }

  /** UpdateSubscription (clients with auto_subscribe=0). */
  void update(LivekitRtc.UpdateSubscription update, List<ParticipantInfo> participants) {
    Set<String> sids = new HashSet<>(update.getTrackSidsList());
    update.getParticipantTracksList().forEach(pt -> sids.addAll(pt.getTrackSidsList()));
    boolean changed = false;
    for (ParticipantInfo p : participants) {
      for (TrackInfo t : p.tracks()) {
        if (sids.contains(t.sid())) {
          changed |= update.getSubscribe() ? subscribe(p.sid(), t) : unsubscribe(t.sid());
        }
      }
    }
    if (changed) {
      sendOffer();
    }
  }

  void sendOffer() {
    if (awaitingAnswer) {
      offerAgain = true;
      return;
    }
    SubscriberConnection.Offer offer = connection.offer();
    awaitingAnswer = true;
    var midToTrackId = connection.midToTrackId();
    readiness.offered(midToTrackId.values());
    sink.send(SignalMessages.offer(offer.sdp(), offer.id(), midToTrackId));
  }

  void onAnswer(LivekitRtc.SessionDescription answer) {
    connection.onAnswer(answer.getSdp());
    awaitingAnswer = false;
    readiness.answered();
    if (offerAgain) {
      offerAgain = false;
      sendOffer();
    }
  }

  /** The subscriber connection is connected (ICE and DTLS done). */
  void onConnected() {
    readiness.connected();
  }

  void addRemoteCandidate(IceCandidate candidate) {
    connection.addRemoteCandidate(candidate);
  }

  String stats() {
    StringBuilder sb = new StringBuilder(connection.stats().toString());
    subscribed.forEach((sid, s) -> sb.append(' ').append(sid).append(" sent=").append(s.downTrack().sent()));
    return sb.toString();
  }

  void checkConsent() {
    connection.checkConsent();
  }

  void sendReports() {
    connection.sendReports();
  }

  @Override
  public void close() {
    subscribed.values().forEach(s -> s.fanout().remove(s.downTrack()));
    subscribed.clear();
    connection.close();
  }
}
