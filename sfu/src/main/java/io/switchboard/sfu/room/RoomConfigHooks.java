package io.switchboard.sfu.room;

import java.util.List;
import java.util.Objects;

/**
 * What a room configuration asks of the rest of the server when it creates a room: the agents of
 * LiveKit's {@code RoomConfiguration.agents}, from a participant token's {@code roomConfig} claim
 * or CreateRoom's {@code agents}. As in LiveKit, they are dispatched only when the configuration
 * creates the room, never into a room that already exists. The room layer knows no agents; the
 * server implements this.
 *
 * <p>Use: {@code check} the agents first (a bad configuration then creates nothing), then
 * {@code rooms.getOrCreate(name, options, room -> hooks.roomCreated(room.name(), agents))}.
 */
public interface RoomConfigHooks {
  /** For a server without agents: any named agent is refused, an empty list is fine. */
  RoomConfigHooks NONE = new RoomConfigHooks() {
    @Override
    public void check(List<AgentRequest> agents) {
      if (!agents.isEmpty()) {
        throw new IllegalArgumentException(
            "this server runs no agents, but the room configuration names " + agents.getFirst().agentName());
      }
    }

    @Override
    public void roomCreated(String roomName, List<AgentRequest> agents) {
      check(agents);
    }
  };

  /** An agent a room configuration names, with the metadata it receives (LiveKit's RoomAgentDispatch). */
  record AgentRequest(String agentName, String metadata) {
    public AgentRequest {
      Objects.requireNonNull(agentName, "agentName");
      metadata = metadata == null ? "" : metadata;
    }
  }

  /**
   * Whether every agent can be dispatched.
   *
   * @throws IllegalArgumentException naming the first agent that cannot be, and why
   */
  void check(List<AgentRequest> agents);

  /**
   * Room {@code roomName} was just created by a configuration naming {@code agents}: dispatch
   * them. Returns at once; the agents join in the background and stay until the room closes.
   *
   * @throws IllegalArgumentException as {@link #check} does
   */
  void roomCreated(String roomName, List<AgentRequest> agents);

  /**
   * Room {@code room} was just created by a configuration asking for automatic egress (LiveKit's
   * {@code RoomConfiguration.egress}): start what it asks. A server that records implements this;
   * an egress that cannot start fails on its own, never the room's creation.
   */
  default void roomEgress(RoomInfo room, livekit.LivekitRoom.RoomEgress egress) {}
}
