package io.switchboard.sfu.signal;

import io.switchboard.media.codec.AudioCodec;
import io.switchboard.protocol.auth.ClaimGrants;
import io.switchboard.protocol.auth.TokenException;
import io.switchboard.protocol.auth.TokenVerifier;
import io.switchboard.protocol.auth.VerifiedToken;
import io.switchboard.sfu.room.RoomEvent;
import io.switchboard.sfu.room.RoomManager;
import io.switchboard.sfu.room.RoomConfigHooks;
import io.switchboard.sfu.webrtc.PeerConnectionFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

/**
 * LiveKit's {@code /rtc} signalling (dual peer connection, protocol 17): admits joins by token as
 * LiveKit does, opens one {@link SignalSession} per client and routes room events to the sessions
 * of each room.
 */
public final class SignalServer {
  private final RoomManager rooms;
  private final TokenVerifier tokens;
  private final PeerConnectionFactory peerConnections;
  private final AudioCodec opus;
  private final SignalSettings settings;
  private final Executor executor;
  private final RoomConfigHooks roomConfigHooks;
  private final Map<String, List<SignalSession>> sessionsByRoom = new ConcurrentHashMap<>();
  private final TrackRegistry tracks;
  private final RoomTokens roomTokens;

  /**
   * @param roomConfigHooks dispatches the agents of a token's roomConfig when its join creates the room
   * @param executor runs each session's work in order (virtual threads)
   */
  public SignalServer(
      RoomManager rooms,
      TokenVerifier tokens,
      PeerConnectionFactory peerConnections,
      AudioCodec opus,
      SignalSettings settings,
      Executor executor,
      RoomConfigHooks roomConfigHooks) {
    this(rooms, tokens, peerConnections, opus, settings, executor, roomConfigHooks, Map.of());
  }

  /**
   * @param secrets API key to API secret: signs the token a client moved to another room gets
   *     (RoomService MoveParticipant); without its key's secret a client cannot be moved
   */
  public SignalServer(
      RoomManager rooms,
      TokenVerifier tokens,
      PeerConnectionFactory peerConnections,
      AudioCodec opus,
      SignalSettings settings,
      Executor executor,
      RoomConfigHooks roomConfigHooks,
      Map<String, String> secrets) {
    this.roomTokens = new RoomTokens(secrets, peerConnections.clock());
    this.rooms = rooms;
    this.tokens = tokens;
    this.peerConnections = peerConnections;
    this.opus = opus;
    this.settings = settings;
    this.executor = executor;
    this.roomConfigHooks = roomConfigHooks;
    this.tracks = new TrackRegistry(opus);
    rooms.addListener(this::onRoomEvent);
  }

  /**
   * Checks a join (or validate) request as LiveKit does: the token from {@code Authorization:
   * Bearer} or the {@code access_token} parameter; 401 when it is missing, malformed, wrongly
   * signed, expired, or does not grant joining a named room.
   */
  public Admission admit(Map<String, String> query, String authorizationHeader) {
    VerifiedToken token;
    try {
      token =
          authorizationHeader != null && !authorizationHeader.isBlank()
              ? tokens.verifyAuthorization(authorizationHeader)
              : tokens.verify(query.get("access_token"));
    } catch (TokenException e) {
      return new Admission.Refused(401, "invalid token: " + e.getMessage());
    }
    ClaimGrants grants = token.grants();
    if (!grants.video().roomJoin()) {
      return new Admission.Refused(401, "permissions denied: the token does not grant roomJoin");
    }
    if (grants.video().room().isEmpty()) {
      return new Admission.Refused(401, "permissions denied: the token names no room");
    }
    if (grants.identity().isEmpty()) {
      return new Admission.Refused(401, "permissions denied: the token has no identity (sub)");
    }
    String autoSubscribe = query.getOrDefault("auto_subscribe", "1");
    int protocol;
    try {
      protocol = Integer.parseInt(query.getOrDefault("protocol", "0"));
    } catch (NumberFormatException e) {
      return new Admission.Refused(400, "protocol must be a number, got '" + query.get("protocol") + "'");
    }
    boolean subscribe = !(autoSubscribe.equals("0") || autoSubscribe.equalsIgnoreCase("false"));
    boolean resume = query.getOrDefault("reconnect", "0").equals("1");
    return new Admission.Admitted(new JoinParams(grants.video().room(), grants, subscribe, protocol, resume, token.apiKey()));
  }

  /**
   * Opens a session for an admitted client; it joins the room and sends the JoinResponse on the
   * session's executor. Feed it the client's messages with {@link SignalSession#onMessage}.
   */
  public SignalSession open(JoinParams params, SignalSink sink) {
    SignalSession session =
        new SignalSession(this, params, sink, new io.switchboard.sfu.concurrent.SerialExecutor(executor));
    sessionsByRoom.computeIfAbsent(params.roomName(), n -> new CopyOnWriteArrayList<>()).add(session);
    session.start();
    return session;
  }

  /**
   * Checks every session's ICE consent every 5 seconds (RFC 7675 §5.1), so clients that vanish
   * without a goodbye leave their rooms. Returns the task, to cancel on shutdown.
   */
  public java.util.concurrent.ScheduledFuture<?> checkConsentEvery5s(
      java.util.concurrent.ScheduledExecutorService scheduler) {
    return scheduler.scheduleWithFixedDelay(
        () -> sessionsByRoom.values().forEach(list -> list.forEach(SignalSession::checkConsent)),
        5, 5, java.util.concurrent.TimeUnit.SECONDS);
  }

  void closed(SignalSession session) {
    leftRoom(session, session.roomName());
  }

  /** A session moving to {@code roomName} hears that room's events from now on. */
  void enteredRoom(SignalSession session, String roomName) {
    sessionsByRoom.computeIfAbsent(roomName, n -> new CopyOnWriteArrayList<>()).add(session);
  }

  /** A session that moved away, or closed, no longer hears {@code roomName}'s events. */
  void leftRoom(SignalSession session, String roomName) {
    List<SignalSession> list = sessionsByRoom.get(roomName);
    if (list != null) {
      list.remove(session);
    }
  }

  RoomTokens roomTokens() {
    return roomTokens;
  }

  private void onRoomEvent(RoomEvent event) {
    switch (event) {
      case RoomEvent.TrackPublished p -> tracks.onPublished(p.participant().sid(), p.track().sid());
      case RoomEvent.TrackUnpublished u -> tracks.trackGone(event.room().name(), u.track().sid(), rooms);
      case RoomEvent.ParticipantLeft l -> tracks.participantGone(l.participant().sid());
      default -> {}
    }
    List<SignalSession> list = sessionsByRoom.get(event.room().name());
    if (list != null) {
      for (SignalSession s : list) {
        s.onRoomEvent(event);
      }
    }
  }

  RoomManager rooms() {
    return rooms;
  }

  PeerConnectionFactory peerConnections() {
    return peerConnections;
  }

  AudioCodec opus() {
    return opus;
  }

  SignalSettings settings() {
    return settings;
  }

  TrackRegistry tracks() {
    return tracks;
  }

  RoomConfigHooks roomConfigHooks() {
    return roomConfigHooks;
  }
}
