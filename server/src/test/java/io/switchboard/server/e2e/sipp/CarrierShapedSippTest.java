package io.switchboard.server.e2e.sipp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.sfu.room.ParticipantInfo;
import io.switchboard.sfu.room.ParticipantKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * INVITEs shaped like Twilio's and Telnyx's reach the right trunk (numbers with and without
 * '+'), are answered, and the caller's participant carries the carrier's call IDs as LiveKit's
 * {@code sip.twilio.*} / {@code sip.telnyx.*} attributes.
 */
class CarrierShapedSippTest {
  private static final String CALLER = "+14155550123";
  private static final String TWILIO_NUMBER = "+15105550100";
  private static final String TELNYX_NUMBER = "+15105550111";
  private static final String CALL_SID = "CA5f0c1ab7e36d9f44a2c8b0d3e6f71a92";
  private static final String ACCOUNT_SID = "AC9d1e4c7b2a5f8e0d3c6b9a2f5e8d1c4b";
  private static final String LEG_ID = "9c4e8b1a-5d2f-11ef-8e3b-02420a0b0c0d";
  private static final String SESSION_ID = "9c4e9a7e-5d2f-11ef-a1f4-02420a0b0c0d";
  /** LiveKit's GUID alphabet (no 0, 1, I, O, l), 12 characters. */
  private static final String SUFFIX = "[2-9A-HJ-NP-Za-km-z]{12}";

  @TempDir Path dir;
  private ServerUnderCall switchboard;
  private String twilioTrunk;
  private String twilioRule;
  private String telnyxTrunk;
  private String telnyxRule;

  @BeforeEach
  void start() throws Exception {
    Sipp.assumeInstalled();
    switchboard = new ServerUnderCall(dir, false);
    var provisioning = switchboard.provisioning;
    twilioTrunk = provisioning.inboundTrunk("twilio", List.of(TWILIO_NUMBER),
        trunk -> trunk.setAllowedAddresses(List.of("127.0.0.1/32")));
    twilioRule = provisioning.individualRule(twilioTrunk, "call");
    telnyxTrunk = provisioning.inboundTrunk("telnyx", List.of(TELNYX_NUMBER),
        trunk -> trunk.setAllowedAddresses(List.of("127.0.0.1/32")));
    telnyxRule = provisioning.directRule(telnyxTrunk, "telnyx-calls");
  }

  @AfterEach
  void stop() {
    if (switchboard != null) {
      switchboard.close();
    }
  }

  @Test
  void twilioCallGetsItsOwnRoomAndCarriesTheCallSid() throws Exception {
    Sipp.Run twilio = switchboard.call("twilio_call.xml", Map.of(
        "CALLER", CALLER, "CALLED", TWILIO_NUMBER, "CALL_SID", CALL_SID, "ACCOUNT_SID", ACCOUNT_SID));

    String room = switchboard.rooms.awaitRoomNamed("call_\\+14155550123_" + SUFFIX);
    ParticipantInfo caller =
        switchboard.rooms.awaitParticipant(room, "sip_" + CALLER, "answered", RoomWatch.Ready.callStatus("active"));
    assertEquals(ParticipantKind.SIP, caller.kind());
    Map<String, String> attributes = caller.attributes();
    assertEquals(CALL_SID, attributes.get("sip.twilio.callSid"), attributes.toString());
    assertEquals(ACCOUNT_SID, attributes.get("sip.twilio.accountSid"), attributes.toString());
    assertEquals(CALLER, attributes.get("sip.phoneNumber"));
    assertEquals(TWILIO_NUMBER, attributes.get("sip.trunkPhoneNumber"));
    assertEquals("54.172.60.1", attributes.get("sip.hostname"));
    assertEquals(twilioTrunk, attributes.get("sip.trunkID"));
    assertEquals(twilioRule, attributes.get("sip.ruleID"));
    try (EchoProbe probe = new EchoProbe(switchboard.room(room))) {
      probe.awaitHearing();
    }

    CarrierCue.send(twilio, "hang up");
    var result = twilio.await();
    assertTrue(result.passed(), result.describe()); // includes: our 200 copied Twilio's Record-Route
    switchboard.rooms.awaitLeft(room, "sip_" + CALLER);
  }

  @Test
  void telnyxCallWithoutPlusMatchesThePlusNumberAndCarriesTheLegIds() throws Exception {
    Sipp.Run telnyx = switchboard.call("telnyx_call.xml", Map.of(
        "CALLER", "14155550123", "CALLED", "15105550111", "ASSERTED", CALLER,
        "LEG_ID", LEG_ID, "SESSION_ID", SESSION_ID));

    // The caller is the asserted identity (tel:+1...), preferred to the From user.
    ParticipantInfo caller = switchboard.rooms.awaitParticipant(
        "telnyx-calls", "sip_" + CALLER, "answered", RoomWatch.Ready.callStatus("active"));
    Map<String, String> attributes = caller.attributes();
    assertEquals(LEG_ID, attributes.get("sip.telnyx.callLegID"), attributes.toString());
    assertEquals(SESSION_ID, attributes.get("sip.telnyx.callSessionID"), attributes.toString());
    assertEquals(CALLER, attributes.get("sip.phoneNumber"));
    assertEquals("15105550111", attributes.get("sip.trunkPhoneNumber"), "the called number as Telnyx sent it");
    assertEquals(telnyxTrunk, attributes.get("sip.trunkID"));
    assertEquals(telnyxRule, attributes.get("sip.ruleID"));
    assertTrue(attributes.keySet().stream().noneMatch(k -> k.startsWith("sip.twilio.")), attributes.toString());
    try (EchoProbe probe = new EchoProbe(switchboard.room("telnyx-calls"))) {
      probe.awaitHearing();
    }

    CarrierCue.send(telnyx, "hang up");
    var result = telnyx.await();
    assertTrue(result.passed(), result.describe());
    switchboard.rooms.awaitLeft("telnyx-calls", "sip_" + CALLER);
  }
}
