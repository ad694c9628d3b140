package io.switchboard.server.e2e.sipp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livekit.server.CreateSipParticipantOptions;
import io.livekit.server.SipServiceClient;
import io.switchboard.sfu.room.DisconnectReason;
import io.switchboard.sfu.room.ParticipantInfo;
import io.switchboard.sfu.room.RoomOptions;
import io.switchboard.server.testing.RunningSwitchboard;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import livekit.LivekitSip.SIPParticipantInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import retrofit2.Response;

/**
 * Outbound calls (CreateSIPParticipant) through the whole server, with SIPp playing the carrier
 * and the callee (UAS scenarios {@code outbound_*.xml}): the callee joins the room at once with
 * {@code sip.callStatus} dialing, and the call's fate shows in the API answer (when waiting), in
 * the participant's attributes and in how it leaves the room.
 */
class OutboundCallSippTest {
  private static final String CALLEE = "+14155550123";
  private static final String CALLER_ID = "+15105550100";
  private static final String ROOM = "outbound";

  @TempDir Path dir;
  private ServerUnderCall switchboard;
  private Dialing dialing;

  @BeforeEach
  void start() throws Exception {
    Sipp.assumeInstalled();
    switchboard = new ServerUnderCall(dir, false);
    dialing = new Dialing(switchboard.server);
  }

  @AfterEach
  void stop() {
    if (switchboard != null) {
      switchboard.close();
    }
  }

  @Test
  void answeredCallRingsBackIntoTheRoomThenCarriesAudioBothWaysUntilTheRoomHangsUp() throws Exception {
    Sipp.Run callee = carrier("outbound_ring_until_cue.xml", Map.of());
    String trunk = dialing.trunk(callee.sipPort(), "\"headers\":{\"X-Account\":\"acme\"}");
    var ear = new RoomEar(switchboard.server.server().rooms().getOrCreate(ROOM, RoomOptions.UNSET));

    var sdk = SipServiceClient.createClient(switchboard.server.url(), RunningSwitchboard.API_KEY,
        RunningSwitchboard.API_SECRET);
    // identity, name, metadata, dtmf, play_ringtone, play_dialtone, hide_phone_number, wait_until_answered
    var options = new CreateSipParticipantOptions("callee", "The callee", null, null, null, true, null, true);
    CompletableFuture<Response<SIPParticipantInfo>> answered = CompletableFuture.supplyAsync(() -> {
      try {
        return sdk.createSipParticipant(trunk, CALLEE, ROOM, options).execute();
      } catch (Exception e) {
        throw new RuntimeException(e);
      }
    });

    ParticipantInfo ringing =
        switchboard.rooms.awaitParticipant(ROOM, "callee", "ringing", RoomWatch.Ready.callStatus("ringing"));
    ear.awaitRingback();
    assertTrue(!answered.isDone(), "waits until answered");
    CarrierCue.send(callee, ringing.attributes().get("sip.callIDFull"), "answer");
    Response<SIPParticipantInfo> response = answered.get(20, TimeUnit.SECONDS);
    assertTrue(response.isSuccessful(), () -> "HTTP " + response.code() + " " + errorBody(response));
    SIPParticipantInfo info = response.body();
    assertEquals("callee", info.getParticipantIdentity());
    assertEquals(ROOM, info.getRoomName());
    assertTrue(info.getSipCallId().startsWith("SCL_"), info.getSipCallId());
    ParticipantInfo callee1 = switchboard.rooms.awaitParticipant(ROOM, "callee", "answered",
        RoomWatch.Ready.callStatus("active"));
    assertEquals(info.getParticipantId(), callee1.sid());
    assertEquals(CALLEE, callee1.attributes().get("sip.phoneNumber"));
    assertEquals(CALLER_ID, callee1.attributes().get("sip.trunkPhoneNumber"));
    assertEquals(trunk, callee1.attributes().get("sip.trunkID"));
    assertEquals(info.getSipCallId(), callee1.attributes().get("sip.callID"));

    ear.awaitEcho();
    assertTrue(switchboard.room(ROOM).remove("callee", DisconnectReason.PARTICIPANT_REMOVED));
    Sipp.Result result = callee.await();
    assertTrue(result.passed(), result.describe());
    String invite = result.message("INVITE ");
    assertTrue(invite.startsWith("INVITE sip:" + CALLEE + "@127.0.0.1:" + callee.sipPort() + " SIP/2.0"), invite);
    assertTrue(invite.contains("<sip:" + CALLER_ID + "@127.0.0.1>"), invite);
    assertTrue(invite.contains("X-Account: acme"), invite);
    assertTrue(invite.contains("a=rtpmap:101 telephone-event/8000"), invite);
    // Removed by the room, the participant is gone before the call ends: no hangup status to see.
    assertEquals(List.of("dialing", "ringing", "active"), statuses("callee"));
    ear.close();
  }

  @Test
  void busyComesBackAsTwirpErrorWithTheSipStatusWhenWaiting() throws Exception {
    Sipp.Run callee = carrier("outbound_busy.xml", Map.of());
    String trunk = dialing.trunk(callee.sipPort(), "");

    Dialing.Reply reply = dialing.createParticipant(request(trunk, "\"wait_until_answered\":true"));

    assertEquals(429, reply.status(), reply.body().toString());
    assertEquals("resource_exhausted", reply.body().get("code").asText());
    assertEquals("486", reply.body().get("meta").get("sip_status_code").asText());
    assertEquals("Busy Here", reply.body().get("meta").get("sip_status").asText());
    var left = switchboard.rooms.awaitLeft(ROOM, "sip_" + CALLEE);
    assertEquals(DisconnectReason.USER_REJECTED, left.reason());
    assertTrue(callee.await().passed());
  }

  @Test
  void declineWithoutWaitingShowsInTheParticipantsAttributesAndDisconnectReason() throws Exception {
    Sipp.Run callee = carrier("outbound_decline.xml", Map.of());
    String trunk = dialing.trunk(callee.sipPort(), "");

    Dialing.Reply reply = dialing.createParticipant(request(trunk, "\"participant_identity\":\"bob\""));

    assertEquals(200, reply.status(), reply.body().toString());
    assertEquals("bob", reply.body().get("participant_identity").asText());
    var left = switchboard.rooms.awaitLeft(ROOM, "bob");
    assertEquals(DisconnectReason.USER_REJECTED, left.reason());
    assertEquals("hangup", left.participant().attributes().get("sip.callStatus"));
    assertEquals("603", left.participant().attributes().get("sip.sipStatusCode"));
    assertEquals("Decline", left.participant().attributes().get("sip.sipStatus"));
    assertEquals("dialing", statuses("bob").getFirst());
    assertTrue(callee.await().passed());
  }

  @Test
  void unansweredCallIsCancelledAtTheRingingTimeout() throws Exception {
    Sipp.Run callee = carrier("outbound_no_answer.xml", Map.of());
    String trunk = dialing.trunk(callee.sipPort(), "");

    Dialing.Reply reply = dialing.createParticipant(
        request(trunk, "\"wait_until_answered\":true,\"ringing_timeout\":\"2s\""));

    assertEquals("deadline_exceeded", reply.body().get("code").asText(), reply.body().toString());
    assertEquals("408", reply.body().get("meta").get("sip_status_code").asText());
    Sipp.Result result = callee.await(); // passes only if our CANCEL came and the 487 was ACKed
    assertTrue(result.passed(), result.describe());
    var left = switchboard.rooms.awaitLeft(ROOM, "sip_" + CALLEE);
    assertEquals(DisconnectReason.USER_UNAVAILABLE, left.reason());
    assertEquals(List.of("dialing", "ringing", "hangup"), statuses("sip_" + CALLEE));
  }

  @Test
  void digestChallenge401IsAnsweredAndTheFarEndsByeRemovesTheParticipant() throws Exception {
    Sipp.Run callee = carrier("outbound_challenge_401.xml", Map.of("USER", "acme", "PASS", "s3cret", "HOLD_MS", "1000"));
    String trunk = dialing.trunk(callee.sipPort(), "\"auth_username\":\"acme\",\"auth_password\":\"s3cret\"");

    Dialing.Reply reply = dialing.createParticipant(request(trunk, "\"wait_until_answered\":true"));

    assertEquals(200, reply.status(), reply.body().toString());
    var left = switchboard.rooms.awaitLeft(ROOM, "sip_" + CALLEE);
    assertEquals(DisconnectReason.CLIENT_INITIATED, left.reason());
    assertEquals("hangup", left.participant().attributes().get("sip.callStatus"));
    Sipp.Result result = callee.await();
    assertTrue(result.passed(), result.describe());
    assertTrue(result.messages().contains("CSeq: 2 INVITE"), "the INVITE with credentials has a new CSeq");
  }

  @Test
  void proxyChallenge407IsAnsweredWithProxyAuthorization() throws Exception {
    Sipp.Run callee = carrier("outbound_challenge_407.xml", Map.of());
    String trunk = dialing.trunk(callee.sipPort(), "\"auth_username\":\"acme\",\"auth_password\":\"s3cret\"");

    Dialing.Reply reply = dialing.createParticipant(request(trunk, "\"wait_until_answered\":true"));

    assertEquals(200, reply.status(), reply.body().toString());
    assertTrue(switchboard.room(ROOM).remove("sip_" + CALLEE, DisconnectReason.PARTICIPANT_REMOVED));
    Sipp.Result result = callee.await();
    assertTrue(result.passed(), result.describe());
    String header = result.messages().lines().filter(l -> l.startsWith("Proxy-Authorization: Digest "))
        .findFirst().orElseThrow(() -> new AssertionError("no Proxy-Authorization\n" + result.describe()));
    Map<String, String> digest = digestParams(header);
    assertEquals("acme", digest.get("username"));
    assertEquals("carrier.test", digest.get("realm"));
    assertEquals("op4que", digest.get("opaque"), "the opaque value is echoed (RFC 7616 §3.4)");
    assertEquals("sip:" + CALLEE + "@127.0.0.1:" + callee.sipPort(), digest.get("uri"));
    // RFC 2617 §3.2.2.1 without qop: MD5(MD5(user:realm:password):nonce:MD5(method:uri))
    String expected = md5(md5("acme:carrier.test:s3cret") + ":" + digest.get("nonce") + ":"
        + md5("INVITE:" + digest.get("uri")));
    assertEquals(expected, digest.get("response"));
  }

  @Test
  void earlyMediaFromA183IsHeardInTheRoomBeforeTheAnswer() throws Exception {
    Sipp.Run callee = carrier("outbound_early_media.xml", Map.of("HOLD_MS", "500"));
    String trunk = dialing.trunk(callee.sipPort(), "");
    var ear = new RoomEar(switchboard.server.server().rooms().getOrCreate(ROOM, RoomOptions.UNSET));

    Dialing.Reply reply = dialing.createParticipant(request(trunk, "\"play_dialtone\":true"));
    assertEquals(200, reply.status(), reply.body().toString());

    ear.awaitEcho();
    Map<String, String> attributes = switchboard.room(ROOM).participant("sip_" + CALLEE).orElseThrow().attributes();
    assertEquals("ringing", attributes.get("sip.callStatus"), "heard before the answer");
    CarrierCue.send(callee, attributes.get("sip.callIDFull"), "answer");
    var left = switchboard.rooms.awaitLeft(ROOM, "sip_" + CALLEE);
    assertEquals(DisconnectReason.CLIENT_INITIATED, left.reason());
    assertEquals(List.of("dialing", "ringing", "active", "hangup"), statuses("sip_" + CALLEE));
    assertTrue(callee.await().passed());
    ear.close();
  }

  @Test
  void maxCallDurationEndsTheCallWithOurByeOverTcp() throws Exception {
    // A later -t overrides the runner's UDP default: SIPp listens on TCP.
    Sipp.Run callee = Sipp.start("outbound_answer.xml", switchboard.server.sipPort(), Map.of("RING_MS", "0"), "-t", "t1");
    String trunk = dialing.trunk(callee.sipPort(), "\"transport\":\"SIP_TRANSPORT_TCP\"");

    Dialing.Reply reply = dialing.createParticipant(
        request(trunk, "\"wait_until_answered\":true,\"max_call_duration\":\"2s\""));

    assertEquals(200, reply.status(), reply.body().toString());
    var left = switchboard.rooms.awaitLeft(ROOM, "sip_" + CALLEE);
    assertEquals(DisconnectReason.CONNECTION_TIMEOUT, left.reason());
    Sipp.Result result = callee.await(); // passes only if our BYE came
    assertTrue(result.passed(), result.describe());
    assertTrue(result.message("INVITE ").contains(";transport=tcp"), result.message("INVITE "));
    assertTrue(result.message("INVITE ").contains("Via: SIP/2.0/TCP"), result.message("INVITE "));
  }

  @Test
  void answerHeadersBecomeAttributesNumbersHideAndDeletingTheRoomHangsUp() throws Exception {
    Sipp.Run callee = carrier("outbound_answer.xml", Map.of("RING_MS", "0"));
    String trunk = dialing.trunk(callee.sipPort(), "\"headers_to_attributes\":{\"X-Carrier-Call\":\"carrier_call\"}");

    Dialing.Reply reply = dialing.createParticipant(request(trunk, "\"wait_until_answered\":true,"
        + "\"include_headers\":\"SIP_X_HEADERS\",\"hide_phone_number\":true,\"participant_attributes\":{\"crm\":\"7\"}"));
    assertEquals(200, reply.status(), reply.body().toString());
    // LiveKit's hidden identity: sip_ and the first 8 bytes of SHA-256 of the number, in hex.
    String identity = "sip_" + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
        .digest(CALLEE.getBytes(java.nio.charset.StandardCharsets.UTF_8)), 0, 8);
    assertEquals(identity, reply.body().get("participant_identity").asText());
    Map<String, String> attributes = switchboard.room(ROOM).participant(identity).orElseThrow().attributes();
    assertEquals("carrier-42", attributes.get("carrier_call"), "headers_to_attributes from the 200 OK");
    assertEquals("carrier-42", attributes.get("sip.h.x-carrier-call"), "include_headers SIP_X_HEADERS");
    assertEquals("7", attributes.get("crm"));
    assertTrue(!attributes.containsKey("sip.phoneNumber") && !attributes.containsKey("sip.trunkPhoneNumber"),
        "hide_phone_number leaves the numbers out: " + attributes);

    assertTrue(switchboard.server.server().rooms().delete(ROOM));
    Sipp.Result result = callee.await(); // passes only if our BYE came
    assertTrue(result.passed(), result.describe());
  }

  /** As LiveKit's: {@code automation} while the request's digits go out after the answer, then active. */
  @Test
  void callStatusIsAutomationWhileTheDtmfGoesOutAndTheWaitEndsWhenItIsActive() throws Exception {
    Sipp.Run callee = carrier("outbound_answer.xml", Map.of("RING_MS", "0"));
    String trunk = dialing.trunk(callee.sipPort(), "");

    Dialing.Reply reply = dialing.createParticipant(request(trunk, "\"wait_until_answered\":true,\"dtmf\":\"1w2\""));

    assertEquals(200, reply.status(), reply.body().toString());
    assertEquals("active", switchboard.room(ROOM).participant("sip_" + CALLEE).orElseThrow().attributes()
        .get("sip.callStatus"), "answered once the digits are out");
    assertEquals(List.of("dialing", "ringing", "automation", "active"), statuses("sip_" + CALLEE));
    assertTrue(switchboard.room(ROOM).remove("sip_" + CALLEE, DisconnectReason.PARTICIPANT_REMOVED));
    assertTrue(callee.await().passed());
  }

  @Test
  void serviceUnavailableIsAFailedPreconditionWith503() throws Exception {
    Sipp.Run callee = carrier("outbound_unavailable.xml", Map.of());
    String trunk = dialing.trunk(callee.sipPort(), "");

    Dialing.Reply reply = dialing.createParticipant(request(trunk, "\"wait_until_answered\":true"));

    assertEquals("failed_precondition", reply.body().get("code").asText(), reply.body().toString());
    assertEquals("503", reply.body().get("meta").get("sip_status_code").asText());
    assertEquals(DisconnectReason.SIP_TRUNK_FAILURE, switchboard.rooms.awaitLeft(ROOM, "sip_" + CALLEE).reason());
    assertTrue(callee.await().passed());
  }

  /**
   * Twilio's fraud block hides behind a plain 603: the API client (LiveKit's Java SDK) gets
   * LiveKit's permission_denied with sip_status_code 603, plus Twilio's code and text and the
   * Q.850 cause, in the message and in meta.
   */
  @Test
  void twilioFraudBlockBehindA603ReachesTheApiClientWithTwiliosErrorCode() throws Exception {
    Sipp.Run callee = carrier("outbound_twilio_blocked.xml", Map.of());
    String trunk = dialing.trunk(callee.sipPort(), "");
    var sdk = SipServiceClient.createClient(switchboard.server.url(), RunningSwitchboard.API_KEY,
        RunningSwitchboard.API_SECRET);
    var options = new CreateSipParticipantOptions("blocked", null, null, null, null, null, null, true);

    Response<SIPParticipantInfo> response = sdk.createSipParticipant(trunk, CALLEE, ROOM, options).execute();

    assertEquals(403, response.code());
    var error = new com.fasterxml.jackson.databind.ObjectMapper().readTree(errorBody(response));
    assertEquals("permission_denied", error.get("code").asText(), error.toString());
    assertEquals("sip status 603: Decline (carrier block, twilio error 32203: Call blocked as potential fraud; "
        + "Q.850 cause 21: Call rejected)", error.get("msg").asText());
    var meta = error.get("meta");
    assertEquals("603", meta.get("sip_status_code").asText());
    assertEquals("Decline", meta.get("sip_status").asText());
    assertEquals("twilio", meta.get("carrier").asText());
    assertEquals("32203", meta.get("carrier_error_code").asText());
    assertEquals("Call blocked as potential fraud", meta.get("carrier_error").asText());
    assertEquals("true", meta.get("carrier_blocked").asText());
    assertEquals("21", meta.get("reason_cause").asText());
    assertEquals(DisconnectReason.USER_REJECTED, switchboard.rooms.awaitLeft(ROOM, "blocked").reason());
    assertTrue(callee.await().passed());
  }

  /** Not waiting: the CPS limit shows in the callee's attributes as it leaves, a trunk failure. */
  @Test
  void cpsLimitWithoutWaitingShowsInTheParticipantsAttributes() throws Exception {
    Sipp.Run callee = carrier("outbound_cps_limit.xml", Map.of());
    String trunk = dialing.trunk(callee.sipPort(), "");

    Dialing.Reply reply = dialing.createParticipant(request(trunk, "\"participant_identity\":\"capped\""));

    assertEquals(200, reply.status(), reply.body().toString());
    var left = switchboard.rooms.awaitLeft(ROOM, "capped");
    assertEquals(DisconnectReason.SIP_TRUNK_FAILURE, left.reason());
    Map<String, String> attributes = left.participant().attributes();
    assertEquals("503", attributes.get("sip.sipStatusCode"));
    assertEquals("Trunk CPS limit exceeded. Region: us1", attributes.get("sip.sipStatus"));
    assertEquals("cps", attributes.get("sip.carrierLimit"));
    assertTrue(callee.await().passed());
  }

  private Sipp.Run carrier(String scenario, Map<String, String> vars) throws Exception {
    return switchboard.call(scenario, vars);
  }

  private static String request(String trunk, String extra) {
    return "{\"sip_trunk_id\":\"" + trunk + "\",\"sip_call_to\":\"" + CALLEE + "\",\"room_name\":\"" + ROOM + "\","
        + extra + "}";
  }

  private List<String> statuses(String identity) {
    return switchboard.rooms.history(ROOM, identity).stream().map(p -> p.attributes().get("sip.callStatus"))
        .distinct().toList();
  }

  private static Map<String, String> digestParams(String header) {
    Map<String, String> params = new java.util.HashMap<>();
    var matcher = java.util.regex.Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]+))")
        .matcher(header.substring(header.indexOf("Digest ") + 7));
    while (matcher.find()) {
      params.put(matcher.group(1), matcher.group(2) != null ? matcher.group(2) : matcher.group(3));
    }
    return params;
  }

  private static String md5(String text) throws java.security.NoSuchAlgorithmException {
    return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
        .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  private static String errorBody(Response<?> response) {
    try {
      return response.errorBody() == null ? "" : response.errorBody().string();
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }
}
