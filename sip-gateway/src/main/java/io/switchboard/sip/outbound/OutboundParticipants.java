package io.switchboard.sip.outbound;

import io.switchboard.sip.incall.SipParticipantCall;
import io.switchboard.sip.incall.SipParticipantCalls;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Outbound calls whose callee is in a room, by room and participant identity, until they end. */
public final class OutboundParticipants implements SipParticipantCalls {
  private record Key(String room, String identity) {}

  private final ConcurrentHashMap<Key, OutboundRoomCall> calls = new ConcurrentHashMap<>();

  void add(OutboundRoomCall call) {
    calls.put(new Key(call.roomName(), call.participantIdentity()), call);
  }

  void remove(OutboundRoomCall call) {
    calls.remove(new Key(call.roomName(), call.participantIdentity()), call);
  }

  @Override
  public Optional<SipParticipantCall> find(String roomName, String participantIdentity) {
    return Optional.ofNullable(calls.get(new Key(roomName, participantIdentity)));
  }

  public int size() {
    return calls.size();
  }
}
