package io.switchboard.sfu.room;

import java.util.Map;
import java.util.Objects;

/** What a participant asks to be when it joins a room. */
public record ParticipantSpec(
    String identity, String name, ParticipantKind kind, String metadata, Map<String, String> attributes) {

  public ParticipantSpec {
    Objects.requireNonNull(identity, "identity");
    if (identity.isBlank()) {
      throw new IllegalArgumentException("participant identity must not be blank");
    }
    name = name == null ? "" : name;
    kind = kind == null ? ParticipantKind.STANDARD : kind;
    metadata = metadata == null ? "" : metadata;
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }
}
