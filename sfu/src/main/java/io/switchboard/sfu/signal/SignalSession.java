package io.switchboard.sfu.signal;

import com.google.protobuf.InvalidProtocolBufferException;
import io.switchboard.sfu.concurrent.SerialExecutor;
import io.switchboard.sfu.data.ParticipantData;
import io.switchboard.sfu.room.DisconnectReason;
import io.switchboard.sfu.room.LocalParticipant;
import io.switchboard.sfu.room.MovableParticipant;
import io.switchboard.sfu.room.ParticipantInfo;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.ParticipantSpec;
import io.switchboard.sfu.room.Room;
import io.switchboard.sfu.room.RoomEvent;
import io.switchboard.sfu.room.TrackInfo;
import io.switchboard.sfu.transport.TransportState;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import livekit.LivekitRtc;
import livekit.LivekitRtc.SignalRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client on {@code /rtc}: its participant in the room, its two peer connections and the
 * signalling between them. Everything runs in order on the session's serial executor.
 */
public final class SignalSession {
  private static final Logger log = LoggerFactory.getLogger(SignalSession.class);
  private static final Duration RESUME_ANSWER_DELAY = Duration.ofMillis(200);

  private final SignalServer server;
  private final JoinParams params;
  private final SignalSink sink;
  private final SerialExecutor queue;
  private Room room;
  /** The room the client is in now: its join's, or the one it was last moved to. */
  private volatile String roomName;
  private LocalParticipant participant;
  private String ownSid = "";
  private Publications publications;
  private Subscriptions subscriptions;
  /** The client's data channels; read by the room's event queue. */
  private volatile ParticipantData data;
  private boolean closed;

  SignalSession(SignalServer server, JoinParams params, SignalSink sink, SerialExecutor queue) {
    this.server = server;
    this.params = params;
    this.sink = sink;
    this.queue = queue;
    this.roomName = params.roomName();
  }

  String roomName() {
    return roomName;
  }

  void start() {
    queue.execute(this::join);
  }

  /** One binary WebSocket message from the client. */
  public void onMessage(byte[] message) {
    SignalRequest request;
    try {
      request = SignalRequest.parseFrom(message);
    } catch (InvalidProtocolBufferException e) {
      log.warn("dropping a signal message that is not a SignalRequest room={}: {}", roomName(), e.getMessage());
      return;
    }
    queue.execute(() -> handle(request));
  }

  /** The signal connection is gone; the participant leaves (resume is not supported). */
  public void onClosed() {
    queue.execute(() -> shutdown(DisconnectReason.CLIENT_INITIATED, false, true));
  }

  void onRoomEvent(RoomEvent event) {
    queue.execute(() -> handleEvent(event));
  }

  private void join() {
    var grants = params.grants();
    if (params.resume()) {
      // Resume is not supported: LiveKit's answer is to ask for a full reconnect (a new join).
      // The answer waits a moment: sent in the same packet as the upgrade's 101 response, the
      // JDK's WebSocket client (at least) never finished opening and never saw it.
      CompletableFuture.delayedExecutor(RESUME_ANSWER_DELAY.toMillis(), TimeUnit.MILLISECONDS, queue)
          .execute(() -> {
            sink.send(SignalMessages.leave(DisconnectReason.STATE_MISMATCH, LivekitRtc.LeaveRequest.Action.RECONNECT));
            shutdown(DisconnectReason.STATE_MISMATCH, false, false);
          });
      return;
    }
    try {
      TokenRoomConfig wanted = TokenRoomConfig.of(grants);
      server.roomConfigHooks().check(wanted.agents());
      room =
          server.rooms().getOrCreate(
              params.roomName(),
              wanted.options(),
              created -> {
                server.roomConfigHooks().roomCreated(created.name(), wanted.agents());
                server.roomConfigHooks().roomEgress(created.info(), wanted.egress());
              });
      participant =
          room.join(
              new ParticipantSpec(
                  grants.identity(), grants.name(), kind(grants.kind()), grants.metadata(), grants.attributes()),
              new SessionOwner(queue, reason -> shutdown(reason, true, false), () -> data, this::move));
      ownSid = participant.info().sid();
      var pcs = server.peerConnections();
      var channels = new ParticipantData(participant, grants.video().canPublishData(), grants.video().hidden(),
          kind(grants.kind()) == ParticipantKind.AGENT);
      var subscriber = pcs.subscriber(state -> {
        onTransportState("subscriber", state);
        if (state instanceof TransportState.Connected) {
          queue.execute(this::subscriberConnected);
        }
      });
      channels.openTowardClient(subscriber.openDataChannels(channels));
      subscriptions =
          new Subscriptions(
              subscriber, server.tracks(), server.rooms(),
              params.roomName(), sink, grants.identity());
      var publisher = pcs.publisher(state -> onTransportState("publisher", state));
      publisher.openDataChannels(channels);
      publications =
          new Publications(
              publisher, participant, server.tracks(),
              server.opus(), pcs.clock(), grants.video());
      data = channels;
    } catch (IOException | RuntimeException e) {
      log.warn("join failed room={} identity={}", params.roomName(), grants.identity(), e);
      sink.send(SignalMessages.leave(DisconnectReason.JOIN_FAILURE));
      shutdown(DisconnectReason.JOIN_FAILURE, false, true);
      return;
    }
    List<ParticipantInfo> others =
        room.participants().stream().filter(p -> !p.sid().equals(ownSid)).toList();
    sink.send(SignalMessages.join(room.info(), participant.info(), grants.video(), others, server.settings()));
    log.info("rtc participant joined room={} identity={} sid={}", params.roomName(), grants.identity(), ownSid);
    if (params.autoSubscribe() && grants.video().canSubscribe()) {
      for (ParticipantInfo p : others) {
        p.tracks().forEach(t -> subscriptions.subscribe(p.sid(), t));
      }
    }
    subscriptions.sendOffer(); // subscriber-primary: offered even with nothing to subscribe to
  }

  /**
   * RoomService MoveParticipant, as LiveKit does it for a connected client: the same signalling
   * session and peer connections; the participant joins {@code destination} (new participant
   * sid, same identity, name, kind, metadata and attributes), leaves its room (reason MIGRATION),
   * publishes its tracks there as they were (same sids and media path), drops its subscriptions
   * to the old room's tracks, gets a RoomMovedResponse (with a token for the new room) and then
   * subscribes there as on a join. Nothing changes when {@code destination} refuses the join.
   */
  private LocalParticipant move(Room destination, MovableParticipant owner) {
    if (closed || participant == null) {
      throw new IllegalStateException("the client's session has ended");
    }
    String token = server.roomTokens().forRoom(params.apiKey(), params.grants(), destination.name());
    ParticipantInfo before = participant.info();
    server.enteredRoom(this, destination.name());
    LocalParticipant moved;
    try {
      moved = destination.join(new ParticipantSpec(before.identity(), before.name(), before.kind(),
          before.metadata(), before.attributes()), owner);
    } catch (RuntimeException e) {
      server.leftRoom(this, destination.name());
      throw e;
    }
    String from = roomName;
    ownSid = moved.info().sid();
    roomName = destination.name();
    participant.leave(DisconnectReason.MIGRATION);
    server.leftRoom(this, from);
    room = destination;
    participant = moved;
    data.moveTo(moved);
    publications.moveTo(moved, before.tracks());
    subscriptions.moveTo(destination.name());
    List<ParticipantInfo> others =
        room.participants().stream().filter(p -> !p.sid().equals(ownSid)).toList();
    sink.send(SignalMessages.roomMoved(room.info(), token, moved.info(), params.grants().video(), others));
    log.info("rtc participant moved from={} to={} identity={} sid={}", from, roomName, before.identity(), ownSid);
    if (params.autoSubscribe() && params.grants().video().canSubscribe()) {
      for (ParticipantInfo p : others) {
        p.tracks().forEach(t -> subscriptions.subscribe(p.sid(), t));
      }
    }
    subscriptions.sendOffer();
    return moved;
  }

  private void handle(SignalRequest request) {
    if (closed || participant == null) {
      return;
    }
    try {
      switch (request.getMessageCase()) {
        case OFFER -> {
          var answer = publications.answer(request.getOffer());
          log.debug("publisher offer room={} identity={}\n{}\nanswer\n{}", roomName(),
              params.grants().identity(), request.getOffer().getSdp(), answer.getAnswer().getSdp());
          sink.send(answer);
        }
        case ANSWER -> subscriptions.onAnswer(request.getAnswer());
        case TRICKLE -> trickle(request.getTrickle());
        case ADD_TRACK -> sink.send(publications.addTrack(request.getAddTrack()));
        case MUTE -> publications.mute(request.getMute());
        case SUBSCRIPTION -> subscriptions.update(request.getSubscription(), room.participants());
        case LEAVE -> shutdown(DisconnectReason.CLIENT_INITIATED, false, true);
        case PING -> sink.send(LivekitRtc.SignalResponse.newBuilder().setPong(server.peerConnections().clock().millis()).build());
        case PING_REQ -> sink.send(SignalMessages.pong(request.getPingReq(), server.peerConnections().clock().millis()));
        case UPDATE_METADATA -> updateMetadata(request.getUpdateMetadata());
        default -> log.debug("ignoring signal request {} room={}", request.getMessageCase(), roomName());
      }
    } catch (RuntimeException e) {
      log.warn("signal request {} failed room={} identity={}: {}",
          request.getMessageCase(), roomName(), params.grants().identity(), e.getMessage(), e);
    }
  }

  private void trickle(LivekitRtc.TrickleRequest trickle) {
    var candidate = CandidateInit.parse(trickle.getCandidateInit());
    if (candidate.isEmpty()) {
      return;
    }
    if (trickle.getTarget() == LivekitRtc.SignalTarget.SUBSCRIBER) {
      subscriptions.addRemoteCandidate(candidate.get());
    } else {
      publications.addRemoteCandidate(candidate.get());
    }
  }

  private void updateMetadata(LivekitRtc.UpdateParticipantMetadata update) {
    if (!params.grants().video().canUpdateOwnMetadata()) {
      sink.send(SignalMessages.requestResponse(update.getRequestId(),
          LivekitRtc.RequestResponse.Reason.NOT_ALLOWED, "the token does not grant canUpdateOwnMetadata"));
      return;
    }
    var info = room.updateParticipant(
        params.grants().identity(), update.getName(), update.getMetadata(), update.getAttributesMap());
    // An unchanged value emits no event, yet the SDK waits to see its values: echo them.
    info.ifPresent(p -> sink.send(SignalMessages.updated(p)));
    sink.send(SignalMessages.requestResponse(update.getRequestId(), LivekitRtc.RequestResponse.Reason.OK, ""));
  }

  private void handleEvent(RoomEvent event) {
    if (closed || participant == null || !event.room().name().equals(roomName)) {
      return; // an event of the room the client was moved out of, still queued when it moved
    }
    switch (event) {
      case RoomEvent.ParticipantJoined e -> {
        if (!e.participant().sid().equals(ownSid)) {
          sink.send(SignalMessages.updated(e.participant()));
        }
      }
      case RoomEvent.ParticipantUpdated e -> {
        sink.send(SignalMessages.updated(e.participant()));
        if (e.participant().sid().equals(ownSid)) {
          publications.remoteMutes(e.participant()).forEach(sink::send);
        }
      }
      case RoomEvent.ParticipantLeft e -> {
        if (!e.participant().sid().equals(ownSid)) {
          sink.send(SignalMessages.departed(e.participant(), e.reason()));
        }
      }
      case RoomEvent.TrackPublished e -> {
        sink.send(SignalMessages.updated(e.participant()));
        if (!e.participant().sid().equals(ownSid)
            && params.autoSubscribe()
            && params.grants().video().canSubscribe()
            && subscriptions.subscribe(e.participant().sid(), e.track())) {
          subscriptions.sendOffer();
        }
      }
      case RoomEvent.TrackUnpublished e -> {
        if (participantStillHere(e.participant())) {
          sink.send(SignalMessages.updated(e.participant()));
        }
        if (subscriptions.unsubscribe(e.track().sid())) {
          subscriptions.sendOffer();
        }
      }
      case RoomEvent.RoomMetadataChanged e -> sink.send(SignalMessages.room(e.room()));
      case RoomEvent.TrackSubscribed e -> {
        if (e.publisher().sid().equals(ownSid)) {
          publications.firstSubscription(e.track().sid()).ifPresent(sink::send);
        }
      }
      case RoomEvent.SubscriberConnected e -> {}
      case RoomEvent.RoomStarted e -> {}
      case RoomEvent.RoomFinished e -> {}
    }
  }

  private void subscriberConnected() {
    if (!closed && subscriptions != null) {
      subscriptions.onConnected();
    }
  }

  private boolean participantStillHere(ParticipantInfo p) {
    return room.participants().stream().anyMatch(q -> q.sid().equals(p.sid()));
  }

  /**
   * Housekeeping every few seconds: RFC 7675 consent (a peer silent for 30 s is gone) and RTCP
   * sender reports for what we send.
   */
  void checkConsent() {
    queue.execute(() -> {
      if (!closed && subscriptions != null) {
        subscriptions.checkConsent();
        publications.checkConsent();
        subscriptions.sendReports(); // RFC 3550 §6.2: a few seconds apart is plenty for audio
      }
    });
  }

  private void onTransportState(String which, TransportState state) {
    switch (state) {
      case TransportState.Failed f -> {
        log.warn("rtc {} connection failed room={} identity={}: {}", which, roomName(), params.grants().identity(), f);
        // The media path is gone for good (no ICE restart yet): the client must rejoin. A
        // close_notify is the client hanging up its connection, usually right before its leave.
        DisconnectReason reason =
            f.reason().contains("close_notify") ? DisconnectReason.CLIENT_INITIATED : DisconnectReason.MEDIA_FAILURE;
        queue.execute(() -> shutdown(reason, true, true));
      }
      case TransportState.Connected c ->
          log.info("rtc {} connection up room={} identity={}", which, roomName(), params.grants().identity());
      default -> {}
    }
  }

  /**
   * Ends the session. {@code tellClient}: the room removed us (say DUPLICATE_IDENTITY), so the
   * client hears why; {@code leaveRoom}: the client went, so its participant leaves.
   */
  private void shutdown(DisconnectReason reason, boolean tellClient, boolean leaveRoom) {
    if (closed) {
      return;
    }
    closed = true;
    if (tellClient) {
      sink.send(SignalMessages.leave(reason));
    }
    if (leaveRoom && participant != null) {
      participant.leave(reason);
    }
    if (subscriptions != null) {
      log.info("rtc connections room={} identity={} subscriber={} publisher={}", roomName(),
          params.grants().identity(), subscriptions.stats(), publications.stats());
      subscriptions.close();
    }
    if (publications != null) {
      publications.close();
    }
    server.closed(this);
    sink.close();
    log.info("rtc participant gone room={} identity={} reason={}", roomName(), params.grants().identity(), reason);
  }

  private static ParticipantKind kind(String kind) {
    return switch (kind) {
      case "ingress" -> ParticipantKind.INGRESS;
      case "egress" -> ParticipantKind.EGRESS;
      case "sip" -> ParticipantKind.SIP;
      case "agent" -> ParticipantKind.AGENT;
      default -> ParticipantKind.STANDARD;
    };
  }

  static boolean isAudio(TrackInfo track) {
    return track.kind() == TrackInfo.TrackKind.AUDIO;
  }
}
