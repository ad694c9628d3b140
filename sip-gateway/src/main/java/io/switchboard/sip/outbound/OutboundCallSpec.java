package io.switchboard.sip.outbound;

import io.switchboard.trunk.model.IncludeHeaders;
import java.util.Map;
import java.util.Objects;

/**
 * One CreateSIPParticipant, resolved: where to dial and who joins which room.
 *
 * @param trunkId {@code sip.trunkID}; empty for an inline trunk
 * @param identity empty means {@code sip_<number>} (hashed with hidePhoneNumber)
 * @param name empty means {@code Phone <number>}
 * @param dtmf digits sent after the answer, {@code w} = 0.5 s pause
 * @param ringback play the ringback tone into the room while ringing
 * @param hidePhoneNumber leaves the numbers out of the identity and the attributes
 * @param headersToAttributes 2xx header name to participant attribute name
 * @param krispEnabled clean the callee's audio as it enters the room (noise suppression)
 */
public record OutboundCallSpec(
    DialPlan dial,
    String trunkId,
    String roomName,
    String identity,
    String name,
    String metadata,
    Map<String, String> attributes,
    String dtmf,
    boolean ringback,
    boolean hidePhoneNumber,
    Map<String, String> headersToAttributes,
    IncludeHeaders includeHeaders,
    boolean krispEnabled) {
  /** A call without noise suppression. */
  public OutboundCallSpec(
      DialPlan dial, String trunkId, String roomName, String identity, String name, String metadata,
      Map<String, String> attributes, String dtmf, boolean ringback, boolean hidePhoneNumber,
      Map<String, String> headersToAttributes, IncludeHeaders includeHeaders) {
    this(dial, trunkId, roomName, identity, name, metadata, attributes, dtmf, ringback, hidePhoneNumber,
        headersToAttributes, includeHeaders, false);
  }

  public OutboundCallSpec {
    Objects.requireNonNull(dial, "dial");
    trunkId = trunkId == null ? "" : trunkId;
    Objects.requireNonNull(roomName, "roomName");
    if (roomName.isBlank()) {
      throw new IllegalArgumentException("room_name is required");
    }
    identity = identity == null ? "" : identity;
    name = name == null ? "" : name;
    metadata = metadata == null ? "" : metadata;
    attributes = Map.copyOf(attributes);
    dtmf = dtmf == null ? "" : dtmf;
    headersToAttributes = Map.copyOf(headersToAttributes);
    includeHeaders = includeHeaders == null ? IncludeHeaders.NONE : includeHeaders;
  }
}
