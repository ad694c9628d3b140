package io.switchboard.sip.room;

import io.switchboard.trunk.model.RoomAgentDispatch;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Puts the agents a dispatch rule's room configuration names into a call's room. The gateway
 * answers such a call only once this says they are there: an agent runtime lives outside the
 * gateway (the server wires one in), so the gateway depends on this interface alone.
 *
 * <p>An agent belongs to its room, not to one call: dispatching a name that is already in the
 * room completes with it. Agents leave when no caller or other non-agent participant is left in
 * the room, so a call that is refused while its agents are still on their way leaves nothing
 * behind.
 */
@FunctionalInterface
public interface RoomAgents {
  /** For servers without an agent runtime: every dispatch fails, so such calls are refused. */
  RoomAgents NONE =
      (room, agents) ->
          CompletableFuture.failedFuture(
              new IllegalStateException("this server runs no agents, but the rule names " + names(agents)));

  /**
   * Dispatches {@code agents} into {@code roomName}.
   *
   * @return completes once every named agent has joined the room and is listening; fails (with a
   *     message naming the agent and why) if one is unknown or could not start
   */
  CompletionStage<Void> dispatch(String roomName, List<RoomAgentDispatch> agents);

  /**
   * A caller joined {@code roomName} by a rule naming no agents: completes once the room's
   * automatic agents (LiveKit's automatic dispatch: workers registered without an agent name)
   * have joined and are listening, at once when the room gets none.
   */
  default CompletionStage<Void> automatic(String roomName) {
    return CompletableFuture.completedFuture(null);
  }

  private static List<String> names(List<RoomAgentDispatch> agents) {
    return agents.stream().map(RoomAgentDispatch::agentName).toList();
  }
}
