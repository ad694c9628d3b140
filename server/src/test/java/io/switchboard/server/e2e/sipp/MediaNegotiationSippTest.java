package io.switchboard.server.e2e.sipp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.sfu.room.ParticipantInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Offer/answer the other ways round, through the whole server: a late offer (INVITE without SDP,
 * answer in the ACK) and a caller putting the room on hold and back (re-INVITEs). The room hears
 * its own voice echoed by the caller exactly when media should flow.
 */
class MediaNegotiationSippTest {
  private static final String CALLER = "+14155550123";
  private static final String CALLED = "+15105550100";
  private static final String ROOM = "negotiation";
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
  void lateOfferIsAnsweredInTheAckAndMediaFlowsToTheAnsweredAddress() throws Exception {
    Sipp.Run carrier = switchboard.call("late_offer.xml", CALL);
    switchboard.rooms.awaitParticipant(ROOM, IDENTITY, "answered", RoomWatch.Ready.callStatus("active"));
    // Our leg only learns where to send from the ACK's SDP: an echo proves it was taken.
    try (EchoProbe probe = new EchoProbe(switchboard.room(ROOM))) {
      probe.awaitHearing();
    }

    CarrierCue.send(carrier, "hang up");
    var result = carrier.await();
    assertTrue(result.passed(), result.describe());
    switchboard.rooms.awaitLeft(ROOM, IDENTITY);
  }

  @Test
  void heldCallerStopsHearingTheRoomUntilResumedAndStaysInTheRoom() throws Exception {
    Sipp.Run carrier = switchboard.call("hold_and_resume.xml", CALL);
    switchboard.rooms.awaitParticipant(ROOM, IDENTITY, "answered", RoomWatch.Ready.callStatus("active"));
    try (EchoProbe probe = new EchoProbe(switchboard.room(ROOM))) {
      probe.awaitHearing();

      // Held (caller sendonly, we recvonly): we must stop sending, so the echo dies away.
      CarrierCue.send(carrier, "hold");
      probe.awaitSilence();
      ParticipantInfo held = switchboard.room(ROOM).participant(IDENTITY).orElseThrow();
      assertEquals("active", held.attributes().get("sip.callStatus"), "a held call is still a call");

      CarrierCue.send(carrier, "resume");
      probe.awaitHearing();
    }

    CarrierCue.send(carrier, "hang up");
    var result = carrier.await(); // also checks a=recvonly in the hold answer, a=sendrecv on resume
    assertTrue(result.passed(), result.describe());
    switchboard.rooms.awaitLeft(ROOM, IDENTITY);
  }
}
