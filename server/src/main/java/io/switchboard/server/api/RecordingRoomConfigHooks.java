package io.switchboard.server.api;

import io.switchboard.egress.api.AutoEgress;
import io.switchboard.sfu.room.RoomConfigHooks;
import io.switchboard.sfu.room.RoomInfo;
import java.util.List;
import livekit.LivekitRoom.RoomEgress;

/**
 * Room configurations (CreateRoom, a token's {@code roomConfig}) put to work: their agents by the
 * agents' hooks, their automatic egress by {@link AutoEgress}.
 */
final class RecordingRoomConfigHooks implements RoomConfigHooks {
  private final RoomConfigHooks agents;
  private final AutoEgress autoEgress;

  RecordingRoomConfigHooks(RoomConfigHooks agents, AutoEgress autoEgress) {
    this.agents = agents;
    this.autoEgress = autoEgress;
  }

  @Override
  public void check(List<AgentRequest> requested) {
    agents.check(requested);
  }

  @Override
  public void roomCreated(String roomName, List<AgentRequest> requested) {
    agents.roomCreated(roomName, requested);
  }

  @Override
  public void roomEgress(RoomInfo room, RoomEgress egress) {
    autoEgress.configure(room, egress);
  }
}
