package io.switchboard.egress.api;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.switchboard.egress.EgressManager;
import io.switchboard.egress.EgressSource;
import io.switchboard.protocol.twirp.TwirpException;
import io.switchboard.sfu.room.ParticipantInfo;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.RoomEvent;
import io.switchboard.sfu.room.RoomEventListener;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import livekit.LivekitEgress.EgressInfo;
import livekit.LivekitEgress.RoomCompositeEgressRequest;
import livekit.LivekitRoom.RoomEgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Automatic recording: when a call joins a room through a dispatch rule whose
 * {@code room_config.egress.room} is set, the room is recorded (audio only) as that request says,
 * once per room while the recording runs. The rule is found by the caller's {@code sip.ruleID}
 * attribute. A recording that cannot start is logged; the call goes on.
 */
public final class AutoEgress implements RoomEventListener {
  private static final Logger log = LoggerFactory.getLogger(AutoEgress.class);
  private static final String RULE_ID = "sip.ruleID";

  private final EgressManager egress;
  private final EgressRequests requests;
  private final Function<String, Optional<String>> egressJsonOfRule;
  private final Map<String, String> recordingByRoom = new ConcurrentHashMap<>();

  /** @param egressJsonOfRule a dispatch rule's {@code room_config.egress} as proto JSON, if it has one */
  public AutoEgress(EgressManager egress, Clock clock, Function<String, Optional<String>> egressJsonOfRule) {
    this.egress = egress;
    this.requests = new EgressRequests(egress, clock);
    this.egressJsonOfRule = egressJsonOfRule;
  }

  @Override
  public void onEvent(RoomEvent event) {
    if (!(event instanceof RoomEvent.ParticipantJoined joined) || joined.participant().kind() != ParticipantKind.SIP) {
      return;
    }
    ParticipantInfo caller = joined.participant();
    String ruleId = caller.attributes().getOrDefault(RULE_ID, "");
    if (ruleId.isEmpty()) {
      return;
    }
    Optional<String> json = egressJsonOfRule.apply(ruleId).filter(s -> !s.isBlank());
    if (json.isEmpty()) {
      return;
    }
    String room = joined.room().name();
    try {
      RoomEgress config = parse(json.get());
      if (config.hasParticipant() || config.hasTracks()) {
        log.warn("dispatch rule {} asks for automatic participant or track egress, which is not supported; "
            + "only room_config.egress.room records", ruleId);
      }
      if (!config.hasRoom() || recording(room)) {
        return;
      }
      RoomCompositeEgressRequest request = config.getRoom().toBuilder().setRoomName(room).setAudioOnly(true).build();
      EgressSource source = requests.source(request);
      EgressInfo info = egress.start(source, requests.target(request, joined.room().sid()),
          b -> b.setRoomComposite(Redact.request(request)));
      recordingByRoom.put(room, info.getEgressId());
      log.info("automatic recording room={} rule={} egress_id={} status={}", room, ruleId, info.getEgressId(), info.getStatus());
    } catch (TwirpException | IllegalArgumentException | IllegalStateException e) {
      log.warn("automatic recording of room {} (rule {}) did not start: {}", room, ruleId, e.getMessage());
    } catch (RuntimeException e) {
      log.warn("automatic recording of room {} (rule {}) did not start", room, ruleId, e);
    }
  }

  private boolean recording(String room) {
    String id = recordingByRoom.get(room);
    return id != null && !egress.list(room, id, true).isEmpty();
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
