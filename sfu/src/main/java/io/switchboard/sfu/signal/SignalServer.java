package io.switchboard.sfu.signal;

import io.switchboard.media.codec.AudioCodec;
import io.switchboard.protocol.auth.ClaimGrants;
import io.switchboard.protocol.auth.TokenException;
import io.switchboard.protocol.auth.TokenVerifier;
import io.switchboard.protocol.auth.VerifiedToken;
import io.switchboard.sfu.room.RoomEvent;
import io.switchboard.sfu.room.RoomManager;
import io.switchboard.sfu.room.RoomOptions;
import io.switchboard.sfu.webrtc.PeerConnectionFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Function;

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
  private final Function<JoinParams, RoomOptions> roomOptions;
  private final Map<String, List<SignalSession>> sessionsByRoom = new ConcurrentHashMap<>();
  private final TrackRegistry tracks;

  /**
   * @param roomOptions options of a room a join creates. TODO(issue 4): replace with the room
   *     hook for the token's roomConfig (being added to sfu/room on another branch) once merged.
   * @param executor runs each session's work in order (virtual threads)
   */
  public SignalServer(
      RoomManager rooms,
      TokenVerifier tokens,
      PeerConnectionFactory peerConnections,
      AudioCodec opus,
      SignalSettings settings,
      Executor executor,
      Function<JoinParams, RoomOptions> roomOptions) {
    this.rooms = rooms;
    this.tokens = tokens;
    this.peerConnections = peerConnections;
    this.opus = opus;
    this.settings = settings;
    this.executor = executor;
    this.roomOptions = roomOptions;
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
    return new Admission.Admitted(new JoinParams(grants.video().room(), grants, subscribe, protocol));
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

  void closed(SignalSession session) {
    List<SignalSession> list = sessionsByRoom.get(session.roomName());
    if (list != null) {
      list.remove(session);
    }
  }

  private void onRoomEvent(RoomEvent event) {
    if (event instanceof RoomEvent.TrackUnpublished u) {
      tracks.trackGone(event.room().name(), u.track().sid(), rooms);
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

  RoomOptions roomOptions(JoinParams params) {
    return roomOptions.apply(params);
  }
}
