package io.switchboard.sfu.api;

import io.switchboard.sfu.room.RoomConfigHooks.AgentRequest;
import java.util.List;
import livekit.LivekitAgentDispatch.RoomAgentDispatch;
import livekit.LivekitRoom.RoomConfiguration;

/** The agents of LiveKit's protobuf room configurations, as {@link AgentRequest}s. */
public final class RoomConfigAgents {
  private RoomConfigAgents() {}

  /** A token's {@code roomConfig} claim's agents (for the signalling join path). */
  public static List<AgentRequest> of(RoomConfiguration config) {
    return of(config.getAgentsList());
  }

  /** CreateRoom's or a room configuration's {@code agents}. */
  public static List<AgentRequest> of(List<RoomAgentDispatch> agents) {
    return agents.stream().map(a -> new AgentRequest(a.getAgentName(), a.getMetadata())).toList();
  }
}
