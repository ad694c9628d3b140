package io.switchboard.server.e2e.sipp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.sfu.room.DisconnectReason;
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

  /**
   * The server answers the instant the caller has joined its room, so a CANCEL sent on our 180
   * races our 200 OK. Whichever wins, the SIP exchange must close correctly (SIPp checks it),
   * and the caller, who was in the room while ringing, must leave it with sip.callStatus
   * hangup; if the CANCEL won (487) the caller was never active. A ringing window the test could
   * hold open needs the answer to wait for someone in the room (DESIGN.md, "The path of a call",
   * step 3), which the room glue does not do yet.
   */
  @Test
  void callerWhoCancelsWhileRingingLeavesTheRoom() throws Exception {
    Sipp.Result result = switchboard.call("cancel_while_ringing.xml", CALL).await();
    assertTrue(result.passed(), result.describe());
    boolean cancelled = result.messages().contains("SIP/2.0 487 Request Terminated");

    var left = switchboard.rooms.awaitLeft(ROOM, IDENTITY);
    assertEquals("hangup", left.participant().attributes().get("sip.callStatus"));
    assertEquals(DisconnectReason.CLIENT_INITIATED, left.reason());
    List<String> statuses = switchboard.rooms.history(ROOM, IDENTITY).stream()
        .map(p -> p.attributes().get("sip.callStatus")).distinct().toList();
    assertEquals(cancelled ? List.of("ringing", "hangup") : List.of("ringing", "active", "hangup"), statuses,
        cancelled ? "cancelled before the answer: never active" : "answered before the CANCEL, then hung up");
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

  /**
   * A PBX behind NAT gives its private LAN address as Contact. Sent there, our BYE would be lost
   * and the PBX would keep the line up; it must go where the PBX's INVITE came from.
   */
  @Test
  void ourByeReachesACallerBehindNatWhoseContactIsPrivate() throws Exception {
    Sipp.Run pbx = switchboard.call("natted_caller.xml", CALL);
    switchboard.rooms.awaitParticipant(ROOM, IDENTITY, "answered", RoomWatch.Ready.callStatus("active"));

    assertTrue(switchboard.room(ROOM).remove(IDENTITY, DisconnectReason.PARTICIPANT_REMOVED));
    var result = pbx.await(); // passes only if our BYE reached SIPp's real address
    assertTrue(result.passed(), result.describe());
    assertTrue(result.message("BYE ").startsWith("BYE sip:carrier@192.168.77.10:5060"),
        "the Request-URI stays the Contact: " + result.message("BYE "));
  }
}
