package io.switchboard.server.e2e.sipp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.sfu.room.DisconnectReason;
import io.switchboard.sfu.room.ParticipantInfo;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.TrackInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A carrier calls a trunk that has credentials: challenged, authenticated with the trunk's
 * username and password, answered, in the room as a SIP participant with LiveKit's attributes,
 * audible both ways over its RTP leg, and gone when it hangs up.
 */
class DigestTrunkSippTest {
  private static final String CALLER = "+14155550123";
  private static final String CALLED = "+15105550100";
  private static final String ROOM = "support";
  private static final String IDENTITY = "sip_" + CALLER;

  @TempDir Path dir;
  private ServerUnderCall switchboard;
  private String trunkId;
  private String ruleId;

  @BeforeEach
  void start() throws Exception {
    Sipp.assumeInstalled();
    switchboard = new ServerUnderCall(dir, false);
    trunkId = switchboard.provisioning.inboundTrunk("carrier with auth", List.of(CALLED), trunk -> {
      trunk.setAuthUsername("carrier-user");
      trunk.setAuthPassword("s3cret-Pa55");
    });
    ruleId = switchboard.provisioning.directRule(trunkId, ROOM);
  }

  @AfterEach
  void stop() {
    if (switchboard != null) {
      switchboard.close();
    }
  }

  private Map<String, String> call(String user, String password) {
    return Map.of("CALLER", CALLER, "CALLED", CALLED, "USER", user, "PASSWORD", password);
  }

  @Test
  void authenticatedCallerJoinsTheRoomAsSipParticipantAndLeavesOnBye() throws Exception {
    Sipp.Run carrier = switchboard.call("digest_call.xml", call("carrier-user", "s3cret-Pa55"));

    ParticipantInfo caller =
        switchboard.rooms.awaitParticipant(ROOM, IDENTITY, "answered", RoomWatch.Ready.callStatus("active"));
    assertEquals(ParticipantKind.SIP, caller.kind());
    assertEquals("Phone " + CALLER, caller.name());
    Map<String, String> attributes = caller.attributes();
    assertTrue(attributes.get("sip.callID").matches("SCL_[A-Za-z0-9]{12}"), attributes.toString());
    assertEquals(carrier.callId(), attributes.get("sip.callIDFull"));
    assertEquals("active", attributes.get("sip.callStatus"));
    assertEquals(CALLER, attributes.get("sip.phoneNumber"));
    assertEquals(CALLED, attributes.get("sip.trunkPhoneNumber"));
    assertEquals(trunkId, attributes.get("sip.trunkID"));
    assertEquals(ruleId, attributes.get("sip.ruleID"));
    assertEquals(List.of(TrackInfo.TrackKind.AUDIO), caller.tracks().stream().map(TrackInfo::kind).toList());

    // Someone in the room hears their own voice come back through the caller's leg and SIPp's echo.
    try (EchoProbe probe = new EchoProbe(switchboard.room(ROOM))) {
      probe.awaitHearing();
    }

    CarrierCue.send(carrier, "hang up");
    var result = carrier.await();
    assertTrue(result.passed(), result.describe());

    var left = switchboard.rooms.awaitLeft(ROOM, IDENTITY);
    assertEquals(DisconnectReason.CLIENT_INITIATED, left.reason());
    assertEquals("hangup", left.participant().attributes().get("sip.callStatus"), "status when leaving");
    assertEquals(
        List.of("ringing", "active", "hangup"),
        switchboard.rooms.history(ROOM, IDENTITY).stream()
            .map(p -> p.attributes().get("sip.callStatus")).distinct().toList(),
        "sip.callStatus as the room's events told it");
  }

  @Test
  void wrongPasswordIsForbiddenAndNoRoomIsCreated() throws Exception {
    var result = switchboard.call("digest_forbidden.xml", call("carrier-user", "guess")).await();
    assertTrue(result.passed(), result.describe());
    assertEquals(List.of(), switchboard.rooms.startedRooms());
    assertTrue(switchboard.server.server().rooms().rooms().isEmpty());
  }
}
