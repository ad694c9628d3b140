package io.switchboard.trunk.match;

import io.switchboard.trunk.model.RoomConfiguration;
import java.util.Map;

/** The outcome of evaluating a dispatch rule for a call. */
public sealed interface Dispatch {

    /** Id of the matched trunk, or empty if the call matched none. */
    String trunkId();

    /**
     * Put the caller into {@code roomName} as the participant described.
     *
     * @param roomConfig configuration for the room if the call creates it; null if none
     */
    record Route(
            String roomName,
            SipParticipant participant,
            String roomPreset,
            RoomConfiguration roomConfig,
            String trunkId,
            String ruleId,
            CallOptions options) implements Dispatch, RoutingDecision {
    }

    /** Answer, play the "enter PIN" prompt, collect DTMF up to {@code #}, then evaluate again. */
    record RequestPin(String trunkId, String ruleId, CallOptions options) implements Dispatch, RoutingDecision {
    }

    /** The PIN keyed in opens no room: play "wrong PIN" and hang up. */
    record WrongPin(String trunkId, String ruleId) implements Dispatch, RoutingDecision {
    }

    /**
     * The room participant a caller becomes.
     *
     * @param identity   {@code sip_<caller>}, or {@code sip_<hash>} when the number is hidden
     * @param name       {@code Phone <caller>}, or {@code Phone <last 4 digits>} when hidden
     * @param attributes the rule's attributes plus LiveKit's {@code sip.*} ones
     */
    record SipParticipant(String identity, String name, String metadata, Map<String, String> attributes) {
        public SipParticipant {
            attributes = Map.copyOf(attributes);
        }
    }
}
