package io.switchboard.sip.room;

import io.switchboard.sip.incall.SipParticipantCall;
import io.switchboard.sip.incall.SipParticipantCalls;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Calls that are in rooms, by SIP Call-ID; also found by room and participant identity. */
public final class CallRegistry implements SipParticipantCalls {
  private final Map<String, RoomCall> calls = new ConcurrentHashMap<>();

  void add(RoomCall call) {
    calls.put(call.sipCallId(), call);
  }

  void remove(RoomCall call) {
    calls.remove(call.sipCallId(), call);
  }

  public Optional<RoomCall> find(String sipCallId) {
    return Optional.ofNullable(calls.get(sipCallId));
  }

  @Override
  public Optional<SipParticipantCall> find(String roomName, String participantIdentity) {
    for (RoomCall call : calls.values()) {
      var participant = call.participant();
      if (participant.isPresent() && participant.get().roomName().equals(roomName)
          && participant.get().info().identity().equals(participantIdentity)) {
        return Optional.of(call);
      }
    }
    return Optional.empty();
  }

  public Collection<RoomCall> active() {
    return List.copyOf(calls.values());
  }
}
