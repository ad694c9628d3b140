package io.switchboard.trunk.model;

/**
 * How a dispatch rule names the room a caller joins, as LiveKit's {@code SIPDispatchRule} oneof.
 * An empty {@code pin} means the room is open; otherwise the caller must key it in (DTMF) first.
 */
public sealed interface RoomRule {

    String pin();

    default boolean hasPin() {
        return !pin().isEmpty();
    }

    /** Every caller joins the one room {@code roomName} ({@code dispatch_rule_direct}). */
    record Direct(String roomName, String pin) implements RoomRule {
        public Direct {
            roomName = Values.text(roomName);
            pin = Values.text(pin);
        }
    }

    /**
     * Each caller gets a room of their own ({@code dispatch_rule_individual}):
     * {@code prefix_caller_random}, without the random part when {@code noRandomness}.
     */
    record Individual(String roomPrefix, String pin, boolean noRandomness) implements RoomRule {
        public Individual {
            roomPrefix = Values.text(roomPrefix);
            pin = Values.text(pin);
        }
    }

    /**
     * Each called number gets a room ({@code dispatch_rule_callee}): {@code prefix_called},
     * plus a random part when {@code randomize}.
     */
    record Callee(String roomPrefix, String pin, boolean randomize) implements RoomRule {
        public Callee {
            roomPrefix = Values.text(roomPrefix);
            pin = Values.text(pin);
        }
    }
}
