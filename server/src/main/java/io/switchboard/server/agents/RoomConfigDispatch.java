package io.switchboard.server.agents;

import io.switchboard.sfu.room.RoomConfigHooks;
import java.util.List;

/**
 * The agents of a room configuration (a token's {@code roomConfig}, CreateRoom's {@code agents})
 * dispatched by the in-process {@link AgentDispatcher} when the configuration creates the room.
 * They are dispatches of their own, as LiveKit's: listed by ListDispatch, deleted by
 * DeleteDispatch, and staying while the room is open even before anyone else joins.
 */
public final class RoomConfigDispatch implements RoomConfigHooks {
  private final AgentDispatcher dispatcher;

  public RoomConfigDispatch(AgentDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  @Override
  public void check(List<AgentRequest> agents) {
    for (int i = 0; i < agents.size(); i++) {
      String name = agents.get(i).agentName();
      if (name.isEmpty()) {
        throw new IllegalArgumentException("agents[" + i + "].agent_name is empty; name a registered agent (known: "
            + dispatcher.agentNames() + ")");
      }
      if (!dispatcher.agentNames().contains(name)) {
        throw new IllegalArgumentException("agents[" + i + "].agent_name: no agent named '" + name
            + "' is registered (known: " + dispatcher.agentNames() + ")");
      }
    }
  }

  @Override
  public void roomCreated(String roomName, List<AgentRequest> agents) {
    check(agents);
    for (AgentRequest agent : agents) {
      dispatcher.create(roomName, agent.agentName(), agent.metadata());
    }
  }
}
