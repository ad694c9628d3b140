package io.switchboard.sfu.room;

import io.switchboard.media.audio.AudioSink;
import io.switchboard.media.audio.AudioSource;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A room: its participants, their tracks, and the mixer that lets each in-process participant
 * hear the others. Control operations take the room's lock briefly; events are handed to the
 * manager's ordered event queue, never delivered under the lock.
 */
public final class Room {
  private final String sid;
  private final String name;
  private final Instant createdAt;
  private RoomOptions options;
  private final Clock clock;
  private final Ids ids;
  private final Consumer<Runnable> eventQueue;
  private final Consumer<RoomEvent> events;
  private final RoomMixer mixer = new RoomMixer();
  private final Map<String, Participant> participants = new LinkedHashMap<>();
  private final List<Consumer<DataPacket>> dataWatchers = new java.util.concurrent.CopyOnWriteArrayList<>();
  private String metadata;
  private Instant lastDepartureAt;
  private boolean closed;

  Room(
      String sid,
      String name,
      RoomOptions options,
      Clock clock,
      Ids ids,
      Consumer<Runnable> eventQueue,
      Consumer<RoomEvent> events) {
    this.sid = sid;
    this.name = name;
    this.options = options;
    this.metadata = options.metadata();
    this.clock = clock;
    this.ids = ids;
    this.eventQueue = eventQueue;
    this.events = events;
    this.createdAt = clock.instant();
  }

  public String name() {
    return name;
  }

  public String sid() {
    return sid;
  }

  public synchronized RoomInfo info() {
    return new RoomInfo(
        sid,
        name,
        options.emptyTimeout(),
        options.departureTimeout(),
        options.maxParticipants(),
        createdAt,
        metadata,
        participants.size(),
        (int) participants.values().stream().filter(p -> !p.tracks.isEmpty()).count());
  }

  /**
   * Applies CreateRoom's options to this existing room the way LiveKit does: only options that
   * are set change (a timeout, a positive max_participants, non-empty metadata).
   */
  public RoomInfo reconfigure(RoomOptions requested) {
    boolean metadataChanged;
    synchronized (this) {
      options = options.updatedBy(requested);
      metadataChanged = !requested.metadata().isEmpty() && !requested.metadata().equals(metadata);
      if (metadataChanged) {
        metadata = requested.metadata();
      }
    }
    if (metadataChanged) {
      emit(new RoomEvent.RoomMetadataChanged(info()));
    }
    return info();
  }

  /**
   * Joins as an in-process participant. A participant already in the room with the same
   * identity is disconnected with DUPLICATE_IDENTITY, as LiveKit does.
   */
  public LocalParticipant join(ParticipantSpec spec, ParticipantListener listener) {
    Participant replaced;
    Participant joined;
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("room " + name + " is closed");
      }
      replaced = participants.remove(spec.identity());
      if (options.maxParticipants() > 0 && participants.size() >= options.maxParticipants()) {
        if (replaced != null) {
          participants.put(replaced.identity, replaced);
        }
        throw new RoomFullException(name, options.maxParticipants());
      }
      joined = new Participant(ids.next("PA_"), spec, clock.instant(), listener);
      participants.put(spec.identity(), joined);
      if (!dependent(spec.kind())) {
        lastDepartureAt = null;
      }
    }
    if (replaced != null) {
      detach(replaced, DisconnectReason.DUPLICATE_IDENTITY);
      emit(
          new RoomEvent.ParticipantLeft(
              info(), snapshot(replaced), DisconnectReason.DUPLICATE_IDENTITY));
    }
    emit(new RoomEvent.ParticipantJoined(info(), snapshot(joined)));
    return new Handle(joined);
  }

  public synchronized List<ParticipantInfo> participants() {
    List<ParticipantInfo> out = new ArrayList<>(participants.size());
    for (Participant p : participants.values()) {
      out.add(p.snapshot());
    }
    return out;
  }

  public synchronized Optional<ParticipantInfo> participant(String identity) {
    return Optional.ofNullable(participants.get(identity)).map(Participant::snapshot);
  }

  /**
   * RoomService UpdateParticipant with LiveKit's rules: an empty name or metadata leaves it as it
   * is; attributes merge, and an empty value deletes the key. Empty when no such participant.
   */
  public Optional<ParticipantInfo> updateParticipant(
      String identity, String name, String metadata, Map<String, String> attributes) {
    Participant p;
    boolean did;
    synchronized (this) {
      p = participants.get(identity);
      if (p == null) {
        return Optional.empty();
      }
      did = p.update(name, metadata, attributes);
    }
    return Optional.of(did ? changed(p) : snapshot(p));
  }

  /** RoomService MutePublishedTrack: the track as it is now; empty when there is no such track. */
  public Optional<TrackInfo> setTrackMuted(String identity, String trackSid, boolean muted) {
    Participant p;
    synchronized (this) {
      p = participants.get(identity);
    }
    return p == null ? Optional.empty() : setMuted(p, trackSid, muted);
  }

  /** See {@link RoomEvent.SubscriberConnected}; ignored for someone no longer in the room. */
  public void subscriberConnected(String identity) {
    participant(identity).ifPresent(p -> emit(new RoomEvent.SubscriberConnected(info(), p)));
  }

  /** See {@link RoomEvent.TrackSubscribed}; ignored when the subscriber or the track is gone. */
  public void trackSubscribed(String subscriberIdentity, String trackSid) {
    Optional<ParticipantInfo> subscriber = participant(subscriberIdentity);
    if (subscriber.isEmpty()) {
      return;
    }
    for (ParticipantInfo publisher : participants()) {
      for (TrackInfo track : publisher.tracks()) {
        if (track.sid().equals(trackSid)) {
          emit(new RoomEvent.TrackSubscribed(info(), subscriber.get(), publisher, track));
          return;
        }
      }
    }
  }

  /** Removes a participant (RoomService RemoveParticipant); a SIP caller is hung up. */
  public boolean remove(String identity, DisconnectReason reason) {
    Participant p;
    synchronized (this) {
      p = participants.get(identity);
    }
    if (p == null) {
      return false;
    }
    leave(p, reason, true);
    return true;
  }

  /**
   * RoomService MoveParticipant: hands the participant to its owner to take into {@code
   * destination} ({@link MovableParticipant}). Empty when there is no such participant.
   *
   * @throws UnsupportedOperationException when its owner cannot move (an in-process agent, a recorder)
   */
  public Optional<LocalParticipant> move(String identity, Room destination) {
    Participant p;
    synchronized (this) {
      p = participants.get(identity);
    }
    if (p == null) {
      return Optional.empty();
    }
    if (!(p.listener instanceof MovableParticipant owner)) {
      throw new UnsupportedOperationException(
          "participant \"" + identity + "\" (kind " + p.kind + ") cannot be moved: only SIP callers and WebRTC clients can");
    }
    return Optional.of(owner.moveTo(destination));
  }

  /**
   * Lets {@code watcher} see every packet a participant sends, on the sender's thread, before it
   * is delivered (the server's own RPC calls read their acks and responses so). Run it short.
   *
   * @return stops watching
   */
  public Runnable watchData(Consumer<DataPacket> watcher) {
    dataWatchers.add(watcher);
    return () -> dataWatchers.remove(watcher);
  }

  public void updateMetadata(String metadata) {
    synchronized (this) {
      this.metadata = metadata == null ? "" : metadata;
    }
    emit(new RoomEvent.RoomMetadataChanged(info()));
  }

  /**
   * Delivers one track's own audio (not the mix) to {@code sink} every tick, converted to the
   * sink's rate: what a WebRTC subscriber of a phone caller's track is fed from.
   */
  public void subscribeTrack(String trackSid, AudioSink sink) {
    mixer.tap(trackSid, sink);
  }

  public void unsubscribeTrack(String trackSid, AudioSink sink) {
    mixer.untap(trackSid, sink);
  }

  /** Lets {@code tap} see every track's decoded audio from the next tick on (recorders). */
  public void addAudioTap(RoomAudioTap tap) {
    mixer.addTap(tap);
  }

  public void removeAudioTap(RoomAudioTap tap) {
    mixer.removeTap(tap);
  }

  /** One 20 ms media step. Called by the media clock, or directly by tests. */
  public void tick() {
    mixer.tick();
  }

  /**
   * Whether the room has outlived its empty or departure timeout at {@code now}. Agents and
   * recorders do not keep a room open (LiveKit's dependent participants): a room left to them
   * closes as an empty one would.
   */
  synchronized boolean idleExpired(Instant now) {
    if (hasIndependent()) {
      return false;
    }
    Instant since = lastDepartureAt != null ? lastDepartureAt : createdAt;
    var timeout = lastDepartureAt != null ? options.departureTimeout() : options.emptyTimeout();
    return !now.isBefore(since.plus(timeout));
  }

  private boolean hasIndependent() {
    return participants.values().stream().anyMatch(p -> !dependent(p.kind));
  }

  /** LiveKit's {@code IsDependent}: participants that exist only for the others (agents, recorders). */
  private static boolean dependent(ParticipantKind kind) {
    return kind == ParticipantKind.AGENT || kind == ParticipantKind.EGRESS;
  }

  /** Disconnects everyone; the room takes no more joins. */
  void close(DisconnectReason reason) {
    List<Participant> everyone;
    synchronized (this) {
      closed = true;
      everyone = new ArrayList<>(participants.values());
    }
    for (Participant p : everyone) {
      leave(p, reason, true);
    }
  }

  private void leave(Participant p, DisconnectReason reason, boolean notifyOwner) {
    synchronized (this) {
      if (!p.connected) {
        return;
      }
      participants.remove(p.identity, p);
      if (!dependent(p.kind) && !hasIndependent()) {
        lastDepartureAt = clock.instant();
      }
    }
    detach(p, notifyOwner ? reason : null);
    emit(new RoomEvent.ParticipantLeft(info(), snapshot(p), reason));
  }

  /** Stops a participant's media and, when {@code reason} is set, tells its owner. */
  private void detach(Participant p, DisconnectReason reason) {
    List<TrackInfo> tracks;
    synchronized (this) {
      p.connected = false;
      tracks = List.copyOf(p.tracks);
    }
    mixer.removeParticipant(p.sid);
    ParticipantInfo info = snapshot(p);
    for (TrackInfo t : tracks) {
      emit(new RoomEvent.TrackUnpublished(info(), info, t));
    }
    if (reason != null) {
      eventQueue.accept(() -> p.listener.onDisconnected(reason));
    }
  }

  private synchronized ParticipantInfo snapshot(Participant p) {
    return p.snapshot();
  }

  private void emit(RoomEvent event) {
    events.accept(event);
  }

  private Optional<TrackInfo> setMuted(Participant p, String trackSid, boolean muted) {
    Optional<TrackInfo> before;
    synchronized (this) {
      before = p.track(trackSid);
      if (before.isEmpty() || before.get().muted() == muted) {
        return before;
      }
      p.replaceTrack(before.get().withMuted(muted));
    }
    mixer.setMuted(trackSid, muted);
    changed(p);
    return before.map(t -> t.withMuted(muted));
  }

  private ParticipantInfo changed(Participant p) {
    synchronized (this) {
      p.version++;
    }
    ParticipantInfo info = snapshot(p);
    emit(new RoomEvent.ParticipantUpdated(info(), info));
    return info;
  }

  /** Hands a data message to its recipients' listeners, in order, on the event queue. */
  private void publishData(
      Participant from, DataMessage message, DataPacket.Kind kind, List<String> destinationIdentities) {
    List<ParticipantListener> recipients = new ArrayList<>();
    DataPacket packet;
    synchronized (this) {
      if (!from.connected) {
        throw new IllegalStateException("participant " + from.identity + " has left " + name);
      }
      packet = new DataPacket(from.identity, from.sid, destinationIdentities, kind, message);
      for (Participant to : participants.values()) {
        if (to != from && (destinationIdentities.isEmpty() || destinationIdentities.contains(to.identity))) {
          recipients.add(to.listener);
        }
      }
    }
    if (!dataWatchers.isEmpty()) {
      dataWatchers.forEach(w -> w.accept(packet));
    }
    for (ParticipantListener recipient : recipients) {
      eventQueue.accept(() -> recipient.onData(packet));
    }
  }

  /**
   * Sends data from the server itself (RoomService SendData): no sender identity or sid, as in
   * LiveKit. It reaches the participants named by identity or by sid, or everyone when both lists
   * are empty.
   *
   * @return how many participants it was handed to
   */
  public int sendData(
      DataMessage message, DataPacket.Kind kind, List<String> destinationIdentities, List<String> destinationSids) {
    List<ParticipantListener> recipients = new ArrayList<>();
    DataPacket packet = new DataPacket("", "", destinationIdentities, kind, message);
    boolean everyone = destinationIdentities.isEmpty() && destinationSids.isEmpty();
    synchronized (this) {
      for (Participant to : participants.values()) {
        if (everyone || destinationIdentities.contains(to.identity) || destinationSids.contains(to.sid)) {
          recipients.add(to.listener);
        }
      }
    }
    for (ParticipantListener recipient : recipients) {
      eventQueue.accept(() -> recipient.onData(packet));
    }
    return recipients.size();
  }

  /** The handle given to the joining participant's owner. */
  private final class Handle implements LocalParticipant {
    private final Participant p;

    Handle(Participant p) {
      this.p = p;
    }

    @Override
    public ParticipantInfo info() {
      return snapshot(p);
    }

    @Override
    public String roomName() {
      return name;
    }

    @Override
    public TrackInfo publishAudio(String trackName, AudioSource source) {
      TrackInfo track =
          new TrackInfo(
              ids.next("TR_"),
              trackName,
              TrackInfo.TrackKind.AUDIO,
              TrackInfo.TrackSource.MICROPHONE,
              false);
      synchronized (Room.this) {
        requireConnected();
        p.tracks.add(track);
        p.version++;
      }
      mixer.addFeed(p.sid, track.sid(), source);
      emit(new RoomEvent.TrackPublished(Room.this.info(), snapshot(p), track));
      return track;
    }

    @Override
    public TrackInfo publishVideo(String trackName, TrackInfo.TrackSource source) {
      TrackInfo track = new TrackInfo(ids.next("TR_"), trackName, TrackInfo.TrackKind.VIDEO, source, false);
      synchronized (Room.this) {
        requireConnected();
        p.tracks.add(track);
        p.version++;
      }
      emit(new RoomEvent.TrackPublished(Room.this.info(), snapshot(p), track));
      return track;
    }

    @Override
    public TrackInfo republish(TrackInfo track, AudioSource audio) {
      synchronized (Room.this) {
        requireConnected();
        if (p.track(track.sid()).isPresent()) {
          throw new IllegalArgumentException(p.identity + " already publishes track " + track.sid());
        }
        p.tracks.add(track);
        p.version++;
      }
      if (audio != null) {
        mixer.addFeed(p.sid, track.sid(), audio);
        mixer.setMuted(track.sid(), track.muted());
      }
      emit(new RoomEvent.TrackPublished(Room.this.info(), snapshot(p), track));
      return track;
    }

    @Override
    public void unpublish(String trackSid) {
      TrackInfo removed = null;
      synchronized (Room.this) {
        for (var it = p.tracks.iterator(); it.hasNext(); ) {
          TrackInfo t = it.next();
          if (t.sid().equals(trackSid)) {
            removed = t;
            it.remove();
            p.version++;
          }
        }
      }
      if (removed != null) {
        mixer.removeFeed(trackSid);
        emit(new RoomEvent.TrackUnpublished(Room.this.info(), snapshot(p), removed));
      }
    }

    @Override
    public void setMuted(String trackSid, boolean muted) {
      Room.this.setMuted(p, trackSid, muted);
    }

    @Override
    public void subscribeMix(AudioSink sink) {
      synchronized (Room.this) {
        requireConnected();
      }
      mixer.subscribe(p.sid, sink);
    }

    @Override
    public void updateAttributes(Map<String, String> changes) {
      boolean did;
      synchronized (Room.this) {
        did = p.mergeAttributes(changes);
      }
      if (did) {
        changed(p);
      }
    }

    @Override
    public void updateMetadata(String metadata) {
      synchronized (Room.this) {
        p.metadata = metadata == null ? "" : metadata;
      }
      changed(p);
    }

    @Override
    public void publishData(DataMessage message, DataPacket.Kind kind, List<String> destinationIdentities) {
      Room.this.publishData(p, message, kind, destinationIdentities);
    }

    @Override
    public void leave(DisconnectReason reason) {
      Room.this.leave(p, reason, false);
    }

    @Override
    public boolean isConnected() {
      synchronized (Room.this) {
        return p.connected;
      }
    }

    private void requireConnected() {
      if (!p.connected) {
        throw new IllegalStateException("participant " + p.identity + " has left " + name);
      }
    }
  }
}
