package io.switchboard.sip.room;

import io.switchboard.sfu.room.LocalParticipant;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.ParticipantSpec;
import io.switchboard.sfu.room.Room;
import io.switchboard.sfu.room.RoomFullException;
import io.switchboard.sfu.room.RoomManager;
import io.switchboard.sfu.room.RoomOptions;
import io.switchboard.sip.inbound.InviteInfo;
import io.switchboard.trunk.match.Dispatch;
import io.switchboard.trunk.model.RoomConfiguration;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a phone call into the room its route names: joins as a SIP participant with LiveKit's
 * {@code sip.*} attributes, publishes the caller's audio and subscribes the caller to the mix.
 * Used at dispatch for open rules and after the PIN lobby for protected ones.
 */
final class RoomEntry {
  private static final Logger log = LoggerFactory.getLogger(RoomEntry.class);

  private final RoomManager rooms;
  private final NoiseSuppression noise;

  RoomEntry(RoomManager rooms, NoiseSuppression noise) {
    this.rooms = rooms;
    this.noise = noise;
  }

  sealed interface Result {
    record Joined(LocalParticipant participant) implements Result {}

    /** The room would not take the caller; the status suits a final SIP response. */
    record Refused(int status, String reason) implements Result {}
  }

  /**
   * @param callId LiveKit's call id ({@code SCL_...}) for the {@code sip.callID} attribute
   * @param callStatus {@code ringing} at dispatch, {@code active} for a caller already answered
   */
  Result enter(RoomCall call, String callId, InviteInfo invite, Dispatch.Route route, String callStatus) {
    Room room = rooms.getOrCreate(route.roomName(), roomOptions(route.roomConfig()));
    var participant = route.participant();
    LocalParticipant joined;
    try {
      joined =
          room.join(
              new ParticipantSpec(
                  participant.identity(),
                  participant.name(),
                  ParticipantKind.SIP,
                  participant.metadata(),
                  CallAttributes.of(participant.attributes(), callId, invite, route.options(), callStatus)),
              call);
    } catch (RoomFullException e) {
      log.warn("room full call_id={} room={}", invite.callId(), route.roomName());
      return new Result.Refused(486, "Busy Here");
    } catch (IllegalStateException closedMeanwhile) {
      return new Result.Refused(480, "Temporarily Unavailable");
    }
    if (!call.enteredRoom(joined)) {
      return new Result.Refused(487, "Request Terminated"); // the caller hung up meanwhile
    }
    if (route.options().krispEnabled()) {
      noise.forCall(invite.callId(), route.trunkId(), route.roomName()).ifPresent(call.media()::filterWith);
    }
    try {
      joined.publishAudio("phone", call.media());
      joined.subscribeMix(call.media());
    } catch (IllegalStateException leftMeanwhile) {
      return new Result.Refused(480, "Temporarily Unavailable");
    }
    log.info(
        "call entered room call_id={} trunk={} rule={} room={} identity={}",
        invite.callId(), route.trunkId(), route.ruleId(), route.roomName(), participant.identity());
    return new Result.Joined(joined);
  }

  private static RoomOptions roomOptions(RoomConfiguration config) {
    if (config == null) {
      return RoomOptions.UNSET;
    }
    return new RoomOptions(
        Duration.ofSeconds(config.emptyTimeout()),
        Duration.ofSeconds(config.departureTimeout()),
        config.maxParticipants(),
        config.metadata());
  }
}
