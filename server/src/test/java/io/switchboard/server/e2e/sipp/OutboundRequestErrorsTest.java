package io.switchboard.server.e2e.sipp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.server.testing.RunningSwitchboard;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CreateSIPParticipant requests refused before anything is dialed: each error names what is wrong. */
class OutboundRequestErrorsTest {
  @TempDir Path dir;
  private RunningSwitchboard server;
  private Dialing dialing;

  @BeforeEach
  void start() throws Exception {
    server = new RunningSwitchboard(dir);
    dialing = new Dialing(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void theSipCallGrantIsRequired() throws Exception {
    String trunk = dialing.trunk(5060, "");
    Dialing.Reply reply = dialing.post("CreateSIPParticipant", true,
        "{\"sip_trunk_id\":\"" + trunk + "\",\"sip_call_to\":\"+1415\",\"room_name\":\"r\"}");
    assertEquals(401, reply.status());
    assertEquals("unauthenticated", reply.body().get("code").asText(), "LiveKit's twirpAuthError code");
    assertTrue(reply.body().get("msg").asText().contains("sip.call"), reply.body().toString());
  }

  @Test
  void unknownTrunksAndMissingFieldsAreNamed() throws Exception {
    assertError("{\"sip_trunk_id\":\"ST_nope\",\"sip_call_to\":\"+1415\",\"room_name\":\"r\"}", "not_found",
        "outbound trunk ST_nope does not exist");
    String trunk = dialing.trunk(5060, "");
    assertError("{\"sip_trunk_id\":\"" + trunk + "\",\"room_name\":\"r\"}", "invalid_argument", "sip_call_to");
    assertError("{\"sip_trunk_id\":\"" + trunk + "\",\"sip_call_to\":\"+1415\"}", "invalid_argument", "room_name");
    assertError("{\"sip_call_to\":\"+1415\",\"room_name\":\"r\"}", "invalid_argument", "one of sip_trunk_id or trunk");
    assertError("{\"sip_trunk_id\":\"" + trunk + "\",\"sip_call_to\":\"sip:bob@example.com\",\"room_name\":\"r\"}",
        "invalid_argument", "sip_call_to: must be a number or SIP user, not a URI");
    assertError("{\"sip_trunk_id\":\"" + trunk + "\",\"sip_call_to\":\"+1415\",\"room_name\":\"r\",\"dtmf\":\"12x\"}",
        "invalid_argument", "dtmf: character 3 'x'");
    assertError("{\"sip_trunk_id\":\"" + trunk + "\",\"sip_call_to\":\"+1415\",\"room_name\":\"r\","
        + "\"ringing_timeout\":\"600s\"}", "invalid_argument", "ringing_timeout: must be at most 180s");
  }

  @Test
  void whatIsNotBuiltYetIsRefusedAsUnimplemented() throws Exception {
    // TLS is built (SipTlsSippTest) but off here: the call fails naming the setting to turn on.
    String tls = dialing.trunk(5061, "\"transport\":\"SIP_TRANSPORT_TLS\"");
    assertError("{\"sip_trunk_id\":\"" + tls + "\",\"sip_call_to\":\"+1415\",\"room_name\":\"r\","
        + "\"wait_until_answered\":true}", "failed_precondition", "SIP over TLS is not enabled here (sip.tls.enabled)");
    // SRTP (media_encryption REQUIRE) is built: OutboundSrtpToBaresipTest.
    assertError("{\"trunk\":{\"hostname\":\"sip:x.example.com\"},\"sip_number\":\"+1510\",\"sip_call_to\":\"+1415\","
        + "\"room_name\":\"r\"}", "invalid_argument", "trunk.hostname: trunk address must be host[:port]");
  }

  @Test
  void aDrainingServerPlacesNoNewCalls() throws Exception {
    String trunk = dialing.trunk(5060, "");
    assertEquals(0, server.server().drain(java.time.Duration.ZERO));
    Dialing.Reply reply = dialing.createParticipant(
        "{\"sip_trunk_id\":\"" + trunk + "\",\"sip_call_to\":\"+1415\",\"room_name\":\"r\"}");
    assertEquals(503, reply.status(), reply.body().toString());
    assertEquals("unavailable", reply.body().get("code").asText());
    assertTrue(server.server().rooms().room("r").isEmpty(), "nobody joined a room");
  }

  private void assertError(String body, String code, String text) throws Exception {
    Dialing.Reply reply = dialing.createParticipant(body);
    assertEquals(code, reply.body().path("code").asText(), reply.body().toString());
    assertTrue(reply.body().path("msg").asText().contains(text), reply.body().toString());
  }
}
