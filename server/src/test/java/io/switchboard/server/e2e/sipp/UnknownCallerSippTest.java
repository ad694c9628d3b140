package io.switchboard.server.e2e.sipp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls no trunk takes: a number the server does not serve, or a carrier address the trunk does
 * not allow. They get 404 and create no room; with hide_inbound_port they get no answer at all,
 * while calls a trunk does take still go through. OPTIONS keep-alives get 200.
 */
class UnknownCallerSippTest {
  private static final String CALLER = "+14155550123";
  private static final String SERVED = "+15105550100";
  private static final String NOT_SERVED = "+15105550199";
  private static final String ROOM = "lobby";

  @TempDir Path dir;
  private ServerUnderCall switchboard;

  @AfterEach
  void stop() {
    if (switchboard != null) {
      switchboard.close();
    }
  }

  @BeforeEach
  void sippInstalled() {
    Sipp.assumeInstalled();
  }

  private void serve(boolean hideInboundPort) throws Exception {
    switchboard = new ServerUnderCall(dir, hideInboundPort);
    String trunk = switchboard.provisioning.inboundTrunk("loopback carrier", List.of(SERVED),
        options -> options.setAllowedAddresses(List.of("127.0.0.1/32")));
    switchboard.provisioning.directRule(trunk, ROOM);
  }

  private static Map<String, String> call(String called) {
    return Map.of("CALLER", CALLER, "CALLED", called);
  }

  @Test
  void numberNobodyServesGets404AndNoRoom() throws Exception {
    serve(false);
    var result = switchboard.call("unknown_number.xml", call(NOT_SERVED)).await();
    assertTrue(result.passed(), result.describe());
    assertTrue(result.message("SIP/2.0 404").startsWith("SIP/2.0 404 No Matching Trunk"), result.message("SIP/2.0 404"));
    assertNoRoomEverStarted();
  }

  @Test
  void carrierAddressTheTrunkDoesNotAllowGets404AndNoRoom() throws Exception {
    switchboard = new ServerUnderCall(dir, false);
    String trunk = switchboard.provisioning.inboundTrunk("someone else's carrier", List.of(SERVED),
        options -> options.setAllowedAddresses(List.of("192.0.2.0/24")));
    switchboard.provisioning.directRule(trunk, ROOM);

    var result = switchboard.call("unknown_number.xml", call(SERVED)).await();
    assertTrue(result.passed(), result.describe());
    assertNoRoomEverStarted();
  }

  @Test
  void hiddenPortAnswersUnknownNumbersWithSilence() throws Exception {
    serve(true);
    var result = switchboard.call("silent_drop.xml", call(NOT_SERVED)).await();
    assertTrue(result.passed(), result.describe());
    assertTrue(result.messages().contains("INVITE sip:" + NOT_SERVED), "the INVITE went out\n" + result.messages());
    assertTrue(!result.messages().contains("SIP/2.0 "), "no response of any kind\n" + result.messages());
    assertNoRoomEverStarted();
  }

  @Test
  void hiddenPortStillAnswersTheNumbersItServes() throws Exception {
    serve(true);
    Sipp.Run carrier = switchboard.call("plain_call.xml", call(SERVED));
    switchboard.rooms.awaitParticipant(ROOM, "sip_" + CALLER, "answered", RoomWatch.Ready.callStatus("active"));
    CarrierCue.send(carrier, "hang up");
    var result = carrier.await();
    assertTrue(result.passed(), result.describe());
    switchboard.rooms.awaitLeft(ROOM, "sip_" + CALLER);
  }

  @Test
  void optionsKeepAliveGets200() throws Exception {
    serve(false);
    var result = switchboard.call("options.xml", Map.of()).await();
    assertTrue(result.passed(), result.describe());
  }

  private void assertNoRoomEverStarted() {
    assertEquals(List.of(), switchboard.rooms.startedRooms());
    assertEquals(List.of(), switchboard.server.server().rooms().rooms());
  }
}
