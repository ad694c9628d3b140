package io.switchboard.sfu.signal;

import io.switchboard.protocol.auth.ClaimGrants;
import io.switchboard.sfu.api.RoomConfigAgents;
import io.switchboard.sfu.room.RoomConfigHooks.AgentRequest;
import io.switchboard.sfu.room.RoomOptions;
import java.time.Duration;
import java.util.List;
import livekit.LivekitRoom.RoomConfiguration;
import livekit.LivekitRoom.RoomEgress;

/**
 * What a token's {@code roomConfig} claim asks of the room its join creates (LiveKit's
 * RoomConfiguration): timeouts, a participant limit, agents to dispatch and automatic egress. Applied only when the
 * join creates the room, as LiveKit does.
 */
record TokenRoomConfig(RoomOptions options, List<AgentRequest> agents, RoomEgress egress) {
  static final TokenRoomConfig NONE = new TokenRoomConfig(RoomOptions.UNSET, List.of(), RoomEgress.getDefaultInstance());

  static TokenRoomConfig of(ClaimGrants grants) {
    return grants.roomConfig().map(TokenRoomConfig::of).orElse(NONE);
  }

  private static TokenRoomConfig of(RoomConfiguration config) {
    var options =
        new RoomOptions(
            Duration.ofSeconds(config.getEmptyTimeout()),
            Duration.ofSeconds(config.getDepartureTimeout()),
            (int) Math.min(Integer.toUnsignedLong(config.getMaxParticipants()), Integer.MAX_VALUE),
            "");
    return new TokenRoomConfig(options, RoomConfigAgents.of(config), config.getEgress());
  }
}
