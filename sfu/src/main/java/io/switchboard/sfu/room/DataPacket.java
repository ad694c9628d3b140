package io.switchboard.sfu.room;

import java.util.List;
import java.util.Objects;

/**
 * A data message as a receiver gets it, shaped like LiveKit's {@code DataPacket}: who sent it
 * ({@code participant_identity}, {@code participant_sid}), whom it was addressed to
 * ({@code destination_identities}, empty for everyone), how it travels ({@code kind}) and the
 * message itself ({@code value}).
 */
public record DataPacket(
    String participantIdentity,
    String participantSid,
    List<String> destinationIdentities,
    Kind kind,
    DataMessage value) {

  /** LiveKit's {@code DataPacket.Kind}: reliable (ordered, retransmitted) or lossy. */
  public enum Kind {
    RELIABLE,
    LOSSY
  }

  public DataPacket {
    Objects.requireNonNull(participantIdentity, "participantIdentity");
    Objects.requireNonNull(participantSid, "participantSid");
    destinationIdentities = List.copyOf(destinationIdentities);
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
  }
}
