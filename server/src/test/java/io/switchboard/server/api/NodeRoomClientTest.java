package io.switchboard.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.media.audio.AudioSource;
import io.switchboard.media.audio.PcmFrame;
import io.switchboard.server.testing.RunningSwitchboard;
import io.switchboard.sfu.room.DisconnectReason;
import io.switchboard.sfu.room.LocalParticipant;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.ParticipantListener;
import io.switchboard.sfu.room.ParticipantSpec;
import io.switchboard.sfu.room.RoomOptions;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code src/test/node/room-client.mjs}: LiveKit's Node server SDK manages rooms and an
 * in-process SIP caller of a running Switchboard through the RoomService.
 */
class NodeRoomClientTest {
  @TempDir Path data;

  @Test
  void nodeSdkManagesRoomsAndParticipants() throws Exception {
    NodeScript.assumeInstalled();
    try (RunningSwitchboard server = new RunningSwitchboard(data)) {
      CompletableFuture<DisconnectReason> hungUp = new CompletableFuture<>();
      LocalParticipant caller =
          server.server().rooms().getOrCreate("node-lobby", RoomOptions.UNSET).join(
              new ParticipantSpec("sip_+15105550100", "", ParticipantKind.SIP, "",
                  Map.of("sip.phoneNumber", "+15105550100", "sip.callStatus", "active")),
              new ParticipantListener() {
                @Override
                public void onDisconnected(DisconnectReason reason) {
                  hungUp.complete(reason);
                }
              });
      String track = caller.publishAudio("phone", new Silence()).sid();

      String output = NodeScript.run("room-client.mjs", Map.of(
          "LIVEKIT_URL", server.url(),
          "LIVEKIT_API_KEY", RunningSwitchboard.API_KEY,
          "LIVEKIT_API_SECRET", RunningSwitchboard.API_SECRET,
          "ROOM", "node-lobby",
          "IDENTITY", "sip_+15105550100",
          "TRACK_SID", track), data.resolve("node.log"));

      assertTrue(output.contains("# pass 7") && output.contains("# fail 0"), output);
      assertEquals(DisconnectReason.PARTICIPANT_REMOVED, hungUp.get(10, TimeUnit.SECONDS));
      assertEquals("Node Caller", caller.info().name(), "the SDK's update reached the room");
    }
  }

  private static final class Silence implements AudioSource {
    @Override
    public int sampleRate() {
      return 8000;
    }

    @Override
    public boolean read(PcmFrame into) {
      return false;
    }
  }
}
