package io.switchboard.server.e2e.sipp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.sfu.room.DisconnectReason;
import io.switchboard.sfu.room.ParticipantInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two other ways a call ends: the caller gives up while ringing, or the room removes the caller. */
class HangupSippTest {
  private static final String CALLER = "+14155550123";
  private static final String CALLED = "+15105550100";
  private static final String ROOM = "front-desk";
  private static final String IDENTITY = "sip_" + CALLER;
  private static final Map<String, String> CALL = Map.of("CALLER", CALLER, "CALLED", CALLED);

  @TempDir Path dir;
  private ServerUnderCall switchboard;

  @BeforeEach
  void start() throws Exception {
    Sipp.assumeInstalled();
    switchboard = new ServerUnderCall(dir, false);
    String trunk = switchboard.provisioning.inboundTrunk("carrier", List.of(CALLED),
        options -> options.setAllowedAddresses(List.of("127.0.0.1/32")));
    switchboard.provisioning.directRule(trunk, ROOM);
  }

  @AfterEach
  void stop() {
    if (switchboard != null) {
      switchboard.close();
    }
  }

  @Test
  void callerWhoCancelsWhileRingingGets487AndLeavesTheRoom() throws Exception {
    Sipp.Run carrier = switchboard.call("cancel_while_ringing.xml", CALL);
    ParticipantInfo ringing =
        switchboard.rooms.awaitParticipant(ROOM, IDENTITY, "ringing", RoomWatch.Ready.callStatus("ringing"));
    assertEquals(carrier.callId(), ringing.attributes().get("sip.callIDFull"));

    CarrierCue.send(carrier, "give up");
    var result = carrier.await();
    assertTrue(result.passed(), result.describe());

    var left = switchboard.rooms.awaitLeft(ROOM, IDENTITY);
    assertEquals(DisconnectReason.CLIENT_INITIATED, left.reason());
    assertEquals("hangup", left.participant().attributes().get("sip.callStatus"));
    assertTrue(
        switchboard.rooms.history(ROOM, IDENTITY).stream()
            .noneMatch(p -> "active".equals(p.attributes().get("sip.callStatus"))),
        "a cancelled call was never active");
  }

  @Test
  void removingTheCallerFromTheRoomSendsByeWhichTheCarrierAnswers() throws Exception {
    Sipp.Run carrier = switchboard.call("wait_for_our_bye.xml", CALL);
    switchboard.rooms.awaitParticipant(ROOM, IDENTITY, "answered", RoomWatch.Ready.callStatus("active"));

    assertTrue(switchboard.room(ROOM).remove(IDENTITY, DisconnectReason.PARTICIPANT_REMOVED));
    var result = carrier.await(); // passes only if our BYE arrived and SIPp answered it
    assertTrue(result.passed(), result.describe());
    assertTrue(result.message("BYE ").contains("Call-ID: " + carrier.callId()), result.message("BYE "));

    var left = switchboard.rooms.awaitLeft(ROOM, IDENTITY);
    assertEquals(DisconnectReason.PARTICIPANT_REMOVED, left.reason());
  }
}
