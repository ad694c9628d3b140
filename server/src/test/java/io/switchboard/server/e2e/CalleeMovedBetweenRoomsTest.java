package io.switchboard.server.e2e;

import static io.switchboard.server.e2e.ApiCalls.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.livekit.server.CreateSipOutboundTrunkOptions;
import io.livekit.server.CreateSipParticipantOptions;
import io.livekit.server.RoomServiceClient;
import io.livekit.server.SipServiceClient;
import io.switchboard.media.testing.ToneGenerator;
import io.switchboard.media.testing.WavFile;
import io.switchboard.server.testing.RunningSwitchboard;
import io.switchboard.sfu.room.RoomManager;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import livekit.LivekitSip.SIPParticipantInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An outbound call's callee (baresip, 700 Hz) is moved from room A (600 Hz) to room B (1000 Hz)
 * by the Java SDK: it is heard in B, no longer in A, hears B; and RemoveParticipant in B, the
 * room it is in now, hangs the phone up (the call follows its participant).
 */
class CalleeMovedBetweenRoomsTest {
  private static final int RATE = 8000;
  private static final double PHONE_TONE = 700;

  @TempDir Path dir;
  private RunningSwitchboard server;

  @BeforeEach
  void start() throws Exception {
    assumeTrue(Baresip.installed() || System.getenv("CI") != null, "baresip is not installed");
    server = new RunningSwitchboard(dir.resolve("data"));
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theCalleeFollowsTheMoveAndIsHungUpFromTheNewRoom() throws Exception {
    Path phoneTone = dir.resolve("phone.wav");
    WavFile.mono(RATE, ToneGenerator.tone(PHONE_TONE, 8000, RATE, RATE * 30)).write(phoneTone);
    int phonePort = FreePorts.pair();
    RoomManager rooms = server.server().rooms();
    try (RoomHost inA = RoomHost.join(rooms, "dial-a", 600, PHONE_TONE, 25);
        RoomHost inB = RoomHost.join(rooms, "dial-b", 1000, PHONE_TONE, 50);
        Baresip phone = new Baresip(dir.resolve("phone"), "callee", phonePort, phoneTone, FreePorts.one());
        BaresipControl control = phone.start(Duration.ofSeconds(40))) {
      SipServiceClient sip =
          SipServiceClient.createClient(server.url(), RunningSwitchboard.API_KEY, RunningSwitchboard.API_SECRET);
      String trunk = ok(sip.createSipOutboundTrunk("phone", "127.0.0.1:" + phonePort, List.of("+15105550100"),
          new CreateSipOutboundTrunkOptions()).execute()).getSipTrunkId();
      // identity, name, metadata, dtmf, play_ringtone, play_dialtone, hide_phone_number, wait_until_answered
      var options = new CreateSipParticipantOptions("callee", "Callee", null, null, null, null, null, true);
      var answered = new CompletableFuture<SIPParticipantInfo>();
      Thread.ofVirtual().start(() -> {
        try {
          answered.complete(ok(sip.createSipParticipant(trunk, "callee", "dial-a", options).execute()));
        } catch (Exception | AssertionError e) {
          answered.completeExceptionally(e);
        }
      });
      control.awaitEvent("CALL_INCOMING", Duration.ofSeconds(15));
      control.command("accept", "");
      answered.get(15, TimeUnit.SECONDS);
      assertTrue(inA.awaitHeard(Duration.ofSeconds(15)), "room a hears the callee\n" + phone.log());

      RoomServiceClient roomService =
          RoomServiceClient.createClient(server.url(), RunningSwitchboard.API_KEY, RunningSwitchboard.API_SECRET);
      ok(roomService.moveParticipant("dial-a", "callee", "dial-b").execute());
      int heardInA = inA.framesHeard();
      assertTrue(inB.awaitHeard(Duration.ofSeconds(10)), "room b hears the callee after the move");
      assertTrue(inA.framesHeard() <= heardInA + 2, "room a stopped hearing the callee");
      assertTrue(rooms.room("dial-a").orElseThrow().participant("callee").isEmpty());
      assertEquals("active", rooms.room("dial-b").orElseThrow().participant("callee").orElseThrow()
          .attributes().get("sip.callStatus"), "moved answered, as it was");

      ok(roomService.removeParticipant("dial-b", "callee").execute());
      control.awaitEvent("CALL_CLOSED", Duration.ofSeconds(10));
      control.command("quit", "");
      assertTrue(phone.awaitExit(Duration.ofSeconds(10)), "the phone did not quit");

      Heard heard = new Heard(WavFile.read(phone.heard()));
      int roomA = heard.firstMillisWith(600);
      int roomB = heard.firstMillisWith(1000);
      System.out.println("moved callee heard room a from " + roomA + " ms, room b from " + roomB + " ms; "
          + heard.describe());
      assertTrue(roomA >= 0 && roomB > roomA, "the callee heard room a, then room b\n" + heard.describe());
      assertEquals(0, heard.lastsFrom(roomB + 200, 600), "nothing of room a after the move\n" + heard.describe());
      assertTrue(heard.lastsFrom(roomB, 1000) >= 500, "room b after the move\n" + heard.describe());
    }
  }
}
