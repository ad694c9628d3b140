package io.switchboard.server.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.media.audio.AudioSource;
import io.switchboard.media.audio.PcmFrame;
import io.switchboard.server.testing.RunningSwitchboard;
import io.switchboard.sfu.room.LocalParticipant;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.ParticipantListener;
import io.switchboard.sfu.room.ParticipantSpec;
import io.switchboard.sfu.room.RoomOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code src/test/node/egress-client.mjs}: LiveKit's Node server SDK records a room, a
 * participant and a track of a running Switchboard through the Egress service.
 */
class NodeEgressClientTest {
  @TempDir Path data;

  @Test
  void nodeSdkRecordsRoomsParticipantsAndTracks() throws Exception {
    NodeScript.assumeInstalled();
    try (RunningSwitchboard server = new RunningSwitchboard(data)) {
      LocalParticipant caller =
          server.server().rooms().getOrCreate("node-call", RoomOptions.UNSET).join(
              new ParticipantSpec("sip_+15105550100", "", ParticipantKind.SIP, "", Map.of()), ParticipantListener.NONE);
      String track = caller.publishAudio("phone", new Tone()).sid();

      String output = NodeScript.run("egress-client.mjs", Map.of(
          "LIVEKIT_URL", server.url(),
          "LIVEKIT_API_KEY", RunningSwitchboard.API_KEY,
          "LIVEKIT_API_SECRET", RunningSwitchboard.API_SECRET,
          "ROOM", "node-call",
          "IDENTITY", "sip_+15105550100",
          "TRACK_SID", track), data.resolve("node.log"));

      assertTrue(output.contains("# pass 5") && output.contains("# fail 0"), output);
      assertTrue(Files.size(data.resolve("recordings/node/node-call-mix.ogg")) > 1000, "the file is in the data directory");
    }
  }

  /** A 440 Hz square-ish tone: something audible to record. */
  private static final class Tone implements AudioSource {
    private int phase;

    @Override
    public int sampleRate() {
      return 8000;
    }

    @Override
    public boolean read(PcmFrame into) {
      into.setSampleRate(8000);
      for (int i = 0; i < into.length(); i++, phase++) {
        into.samples()[i] = (short) ((phase / 9) % 2 == 0 ? 4000 : -4000);
      }
      return true;
    }
  }
}
