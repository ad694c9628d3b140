package io.switchboard.sip.incall;

import java.util.List;
import java.util.Optional;

/** Finds the SIP call behind a room participant: one registry per kind of leg, or several joined. */
@FunctionalInterface
public interface SipParticipantCalls {
  Optional<SipParticipantCall> find(String roomName, String participantIdentity);

  /** Looks in each registry in turn. */
  static SipParticipantCalls of(List<SipParticipantCalls> registries) {
    List<SipParticipantCalls> all = List.copyOf(registries);
    return (room, identity) -> all.stream()
        .map(r -> r.find(room, identity))
        .flatMap(Optional::stream)
        .findFirst();
  }
}
