package io.switchboard.sip.room;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Calls that are in rooms, by SIP Call-ID. */
public final class CallRegistry {
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

  public Collection<RoomCall> active() {
    return List.copyOf(calls.values());
  }
}
