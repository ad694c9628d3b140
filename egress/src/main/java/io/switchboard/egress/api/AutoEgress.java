package io.switchboard.egress.api;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.switchboard.egress.EgressException;
import io.switchboard.egress.EgressManager;
import io.switchboard.protocol.twirp.TwirpException;
import io.switchboard.sfu.room.ParticipantInfo;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.RoomEvent;
import io.switchboard.sfu.room.RoomEventListener;
import io.switchboard.sfu.room.RoomInfo;
import io.switchboard.sfu.room.TrackInfo;
import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import livekit.LivekitEgress.EgressInfo;
import livekit.LivekitEgress.ParticipantEgressRequest;
import livekit.LivekitEgress.RoomCompositeEgressRequest;
import livekit.LivekitEgress.TrackEgressRequest;
import livekit.LivekitRoom.RoomEgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LiveKit's automatic egress ({@code RoomConfiguration.egress}), from a configuration that creates
 * a room (CreateRoom's {@code egress}, a token's {@code roomConfig}: {@link #configure}) or a SIP
 * dispatch rule's {@code room_config.egress} (found by the caller's {@code sip.ruleID}):
 * <ul>
 *   <li>{@code room}: the room is recorded from then on (audio only);
 *   <li>{@code participant}: each participant is recorded from its first published track until it
 *       leaves; one that leaves and comes back gets a new recording;
 *   <li>{@code tracks}: each published track is recorded; a video track's egress fails ("this
 *       server records audio").
 * </ul>
 * As in LiveKit, egress participants (recorders) are never recorded; agents are. An egress that
 * cannot start is listed FAILED with the reason and reported by egress_ended; the call goes on.
 */
public final class AutoEgress implements RoomEventListener {
  private static final Logger log = LoggerFactory.getLogger(AutoEgress.class);
  private static final String RULE_ID = "sip.ruleID";

  private final EgressManager egress;
  private final EgressRequests requests;
  private final Function<String, Optional<String>> egressJsonOfRule;
  /** By room sid: a room of the same name made later is another room. */
  private final Map<String, Configured> configured = new ConcurrentHashMap<>();
  private final Map<String, String> compositeByRoom = new ConcurrentHashMap<>();

  /** What a room's configuration asks for, and who has been recorded in it (guarded by itself). */
  private record Configured(RoomEgress config, Set<String> publishers, Set<String> tracks) {
    Configured(RoomEgress config) {
      this(config, new HashSet<>(), new HashSet<>());
    }
  }

  /** @param egressJsonOfRule a dispatch rule's {@code room_config.egress} as proto JSON, if it has one */
  public AutoEgress(EgressManager egress, Clock clock, Function<String, Optional<String>> egressJsonOfRule) {
    this.egress = egress;
    this.requests = new EgressRequests(egress, clock);
    this.egressJsonOfRule = egressJsonOfRule;
    warmUp();
  }

  /**
   * Parses and builds one of each request now: done first on the room event thread, the class
   * loading would delay the first caller's recording by a tenth of a second or more.
   */
  private void warmUp() {
    RoomEgress sample = parse("{\"room\":{\"fileOutputs\":[{\"filepath\":\"w\"}]},"
        + "\"participant\":{\"fileOutputs\":[{\"filepath\":\"w\"}]},\"tracks\":{\"filepath\":\"w\"}}");
    RoomCompositeEgressRequest room = AutoEgressRequests.room(sample.getRoom(), "w");
    ParticipantEgressRequest participant = AutoEgressRequests.participant(sample.getParticipant(), "w", "w");
    TrackEgressRequest track = AutoEgressRequests.track(sample.getTracks(), "w", "TR_w");
    requests.source(room);
    requests.source(participant);
    requests.source(track);
    requests.target(participant, "RM_w");
    requests.target(track, "RM_w", "w");
    EgressInfo.newBuilder().setRoomComposite(Redact.request(room)).setParticipant(Redact.request(participant))
        .setTrack(Redact.request(track)).build();
  }

  /**
   * A configuration created room {@code room}: its room recording starts now, and its participants
   * and tracks are recorded as they publish.
   */
  public void configure(RoomInfo room, RoomEgress config) {
    if (config.equals(RoomEgress.getDefaultInstance())) {
      return;
    }
    configured.put(room.sid(), new Configured(config));
    if (config.hasRoom()) {
      startRoom(room, config.getRoom());
    }
  }

  @Override
  public void onEvent(RoomEvent event) {
    switch (event) {
      case RoomEvent.ParticipantJoined joined when joined.participant().kind() == ParticipantKind.SIP ->
          dispatchRule(joined.room(), joined.participant());
      case RoomEvent.TrackPublished published when published.participant().kind() != ParticipantKind.EGRESS ->
          published(published.room(), published.participant(), published.track());
      case RoomEvent.ParticipantLeft left -> forget(left.room(), left.participant().identity());
      case RoomEvent.RoomFinished finished -> {
        configured.remove(finished.room().sid());
        compositeByRoom.remove(finished.room().sid());
      }
      default -> {}
    }
  }

  /** A call routed by a dispatch rule with {@code room_config.egress} configures a room that has none. */
  private void dispatchRule(RoomInfo room, ParticipantInfo caller) {
    String ruleId = caller.attributes().getOrDefault(RULE_ID, "");
    Optional<String> json = ruleId.isEmpty() ? Optional.empty() : egressJsonOfRule.apply(ruleId).filter(s -> !s.isBlank());
    if (json.isEmpty()) {
      return;
    }
    RoomEgress config;
    try {
      config = parse(json.get());
    } catch (IllegalArgumentException e) {
      log.warn("dispatch rule {}: {}", ruleId, e.getMessage());
      return;
    }
    configured.putIfAbsent(room.sid(), new Configured(config));
    if (config.hasRoom() && !recording(room)) {
      startRoom(room, config.getRoom());
    }
  }

  private void published(RoomInfo room, ParticipantInfo publisher, TrackInfo track) {
    Configured c = configured.get(room.sid());
    if (c == null) {
      return;
    }
    boolean firstPublication;
    boolean newTrack;
    synchronized (c) {
      firstPublication = c.config().hasParticipant() && c.publishers().add(publisher.identity());
      newTrack = c.config().hasTracks() && c.tracks().add(publisher.identity() + "\n" + track.sid());
    }
    if (firstPublication) {
      ParticipantEgressRequest r = AutoEgressRequests.participant(c.config().getParticipant(), room.name(), publisher.identity());
      start(room, "participant " + publisher.identity(), b -> b.setParticipant(Redact.request(r)),
          () -> egress.start(requests.source(r), requests.target(r, room.sid()), b -> b.setParticipant(Redact.request(r))));
    }
    if (newTrack) {
      TrackEgressRequest r = AutoEgressRequests.track(c.config().getTracks(), room.name(), track.sid());
      start(room, "track " + track.sid(), b -> b.setTrack(Redact.request(r)), () -> {
        if (track.kind() != TrackInfo.TrackKind.AUDIO) {
          throw TwirpException.unimplemented("track " + track.sid() + " of " + publisher.identity() + " is "
              + track.kind().name().toLowerCase(java.util.Locale.ROOT) + ": this server records audio tracks only");
        }
        return egress.start(requests.source(r), requests.target(r, room.sid(), publisher.identity()),
            b -> b.setTrack(Redact.request(r)));
      });
    }
  }

  /** As LiveKit: a participant that leaves and joins again is recorded again. */
  private void forget(RoomInfo room, String identity) {
    Configured c = configured.get(room.sid());
    if (c != null) {
      synchronized (c) {
        c.publishers().remove(identity);
        c.tracks().removeIf(t -> t.startsWith(identity + "\n"));
      }
    }
  }

  private void startRoom(RoomInfo room, RoomCompositeEgressRequest configuredRequest) {
    RoomCompositeEgressRequest r = AutoEgressRequests.room(configuredRequest, room.name());
    EgressInfo info = start(room, "room", b -> b.setRoomComposite(Redact.request(r)),
        () -> egress.start(requests.source(r), requests.target(r, room.sid()), b -> b.setRoomComposite(Redact.request(r))));
    compositeByRoom.put(room.sid(), info.getEgressId());
  }

  private boolean recording(RoomInfo room) {
    String id = compositeByRoom.get(room.sid());
    return id != null && !egress.list(room.name(), id, true).isEmpty();
  }

  /** Starts an egress; one refused (an output this server cannot write) is listed FAILED with the reason. */
  private EgressInfo start(RoomInfo room, String what, Consumer<EgressInfo.Builder> request, Supplier<EgressInfo> starter) {
    try {
      EgressInfo info = starter.get();
      log.info("automatic egress of {} in room={} egress_id={} status={}", what, room.name(), info.getEgressId(), info.getStatus());
      return info;
    } catch (TwirpException | EgressException | IllegalArgumentException | IllegalStateException e) {
      return egress.refused(room.name(), room.sid(), "automatic egress of " + what + " failed: " + e.getMessage(), request);
    } catch (RuntimeException e) {
      log.warn("automatic egress of {} in room {} failed", what, room.name(), e);
      return egress.refused(room.name(), room.sid(), "automatic egress of " + what + " failed: " + e, request);
    }
  }

  private static RoomEgress parse(String json) {
    RoomEgress.Builder b = RoomEgress.newBuilder();
    try {
      JsonFormat.parser().ignoringUnknownFields().merge(json, b);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("room_config.egress is not valid RoomEgress JSON: " + e.getMessage(), e);
    }
    return b.build();
  }
}
