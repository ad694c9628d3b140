package io.switchboard.server.e2e.sipp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.livekit.server.SipServiceClient;
import io.livekit.server.TransferSipParticipantOptions;
import io.switchboard.sfu.room.DisconnectReason;
import io.switchboard.server.testing.RunningSwitchboard;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Cold transfers through the whole server: LiveKit's SDKs call TransferSIPParticipant, we send
 * REFER in the caller's dialog, and SIPp plays a carrier that carries it out, refuses it, or
 * whose new call fails (RFC 3515 NOTIFY sipfrags).
 */
class TransferSippTest {
  private static final String CALLER = "+14155550123";
  private static final String CALLED = "+15105550100";
  private static final String ROOM = "support";
  private static final String IDENTITY = "sip_" + CALLER;
  private static final Path NODE_DIR = Path.of("src", "test", "node");

  @TempDir Path dir;
  private ServerUnderCall switchboard;
  private SipServiceClient sdk;

  @BeforeEach
  void start() throws Exception {
    Sipp.assumeInstalled();
    switchboard = new ServerUnderCall(dir, false);
    String trunk = switchboard.provisioning.inboundTrunk("carrier", List.of(CALLED),
        options -> options.setAllowedAddresses(List.of("127.0.0.1/32")));
    switchboard.provisioning.directRule(trunk, ROOM);
    sdk = SipServiceClient.createClient(switchboard.server.url(), RunningSwitchboard.API_KEY,
        RunningSwitchboard.API_SECRET);
  }

  @AfterEach
  void stop() {
    if (switchboard != null) {
      switchboard.close();
    }
  }

  private Sipp.Run answeredCall(String scenario, Map<String, String> vars) throws Exception {
    Sipp.Run carrier = switchboard.call(scenario, vars);
    switchboard.rooms.awaitParticipant(ROOM, IDENTITY, "answered", RoomWatch.Ready.callStatus("active"));
    return carrier;
  }

  @Test
  void aTransferTheCarrierCarriesOutSucceedsAndEndsTheCallWithBye() throws Exception {
    assumeTrue(Files.isRegularFile(NODE_DIR.resolve("node_modules/livekit-server-sdk/package.json"))
        || System.getenv("CI") != null, "livekit-server-sdk not installed: run scripts/install-test-tools.sh");
    Sipp.Run carrier = answeredCall("refer_accepted.xml", Map.of("CALLER", CALLER, "CALLED", CALLED,
        "REFER_TO", "sip:\\+15105550111@127\\.0\\.0\\.1;user=phone"));

    String output = node("transfer.mjs", "tel:+1-510-555-0111", "");
    assertTrue(output.contains("transferred"), output);

    Sipp.Result result = carrier.await(); // passes only after NOTIFY 100/180/200 were answered 200 and our BYE came
    assertTrue(result.passed(), result.describe());
    String refer = result.message("REFER ");
    assertTrue(refer.contains("Call-ID: " + carrier.callId()), "REFER is sent in the caller's dialog\n" + refer);
    var left = switchboard.rooms.awaitLeft(ROOM, IDENTITY);
    assertEquals("hangup", left.participant().attributes().get("sip.callStatus"));
  }

  @ParameterizedTest
  @CsvSource({"603 Decline,permission_denied", "405 Method Not Allowed,invalid_argument", "403 Forbidden,permission_denied"})
  void aRefusedTransferIsAnErrorWithTheSipStatusAndTheCallGoesOn(String refusal, String twirpCode) throws Exception {
    Sipp.Run carrier = answeredCall("refer_refused.xml", Map.of("CALLER", CALLER, "CALLED", CALLED,
        "REFER_TO", "sip:desk@pbx\\.example\\.com", "REFUSAL", refusal));

    var response = sdk.transferSipParticipant(ROOM, IDENTITY, "sip:desk@pbx.example.com",
        new TransferSipParticipantOptions(false)).execute();
    assertFalse(response.isSuccessful());
    JsonNode error = new ObjectMapper().readTree(response.errorBody().string());
    assertEquals(twirpCode, error.path("code").asText(), error.toString());
    assertEquals(refusal.substring(0, 3), error.path("meta").path("sip_status_code").asText(), error.toString());
    assertEquals(refusal.substring(4), error.path("meta").path("sip_status").asText(), error.toString());
    assertEquals("REJECTED", error.path("meta").path("transfer_reason").asText(), error.toString());

    assertCallStillUpThenHangUp(carrier);
  }

  @Test
  void aTransferWhoseNewCallIsBusyFailsWithTheSipfragStatus() throws Exception {
    Sipp.Run carrier = answeredCall("refer_target_busy.xml", Map.of("CALLER", CALLER, "CALLED", CALLED,
        "REFER_TO", "sips:desk@pbx\\.example\\.com"));

    var response = sdk.transferSipParticipant(ROOM, IDENTITY, "<sips:desk@pbx.example.com>",
        new TransferSipParticipantOptions(true)).execute();
    JsonNode error = new ObjectMapper().readTree(response.errorBody().string());
    assertEquals("resource_exhausted", error.path("code").asText(), error.toString());
    assertEquals("486", error.path("meta").path("sip_status_code").asText());
    assertEquals("FAILED", error.path("meta").path("transfer_reason").asText());

    assertCallStillUpThenHangUp(carrier);
  }

  @Test
  void theNodeSdkSeesARefusalAsASipCallError() throws Exception {
    assumeTrue(Files.isRegularFile(NODE_DIR.resolve("node_modules/livekit-server-sdk/package.json"))
        || System.getenv("CI") != null, "livekit-server-sdk not installed: run scripts/install-test-tools.sh");
    Sipp.Run carrier = answeredCall("refer_refused.xml", Map.of("CALLER", CALLER, "CALLED", CALLED,
        "REFER_TO", "sip:\\+15105550111@127\\.0\\.0\\.1;user=phone", "REFUSAL", "603 Decline"));
    String output = node("transfer.mjs", "tel:+15105550111", "603");
    assertTrue(output.contains("refused: permission_denied 603 Decline"), output);
    assertCallStillUpThenHangUp(carrier);
  }

  @Test
  void badRequestsAndMissingGrantsAreRefusedBeforeAnyRefer() throws Exception {
    Sipp.Run carrier = answeredCall("wait_for_our_bye.xml", Map.of("CALLER", CALLER, "CALLED", CALLED));

    var notUri = sdk.transferSipParticipant(ROOM, IDENTITY, "+15105550111", null).execute();
    JsonNode error = new ObjectMapper().readTree(notUri.errorBody().string());
    assertEquals("invalid_argument", error.path("code").asText());
    assertEquals("transfer_to", error.path("meta").path("argument").asText());
    assertTrue(error.path("msg").asText().contains("must be a sip:, sips: or tel: URI"), error.toString());

    var nobody = sdk.transferSipParticipant(ROOM, "sip_nobody", "tel:+15105550111", null).execute();
    assertEquals(404, nobody.code());

    var otherRoom = SipServiceClient.createClient(switchboard.server.url(), RunningSwitchboard.API_KEY,
        RunningSwitchboard.API_SECRET).transferSipParticipant("elsewhere", IDENTITY, "tel:+15105550111", null).execute();
    assertEquals(404, otherRoom.code(), "the SDK's token grants roomAdmin for the room it names");

    assertCallStillUpThenHangUp(carrier);
  }

  private void assertCallStillUpThenHangUp(Sipp.Run carrier) throws Exception {
    var caller = switchboard.room(ROOM).participant(IDENTITY);
    assertTrue(caller.isPresent(), "the caller is still in the room");
    assertEquals("active", caller.get().attributes().get("sip.callStatus"));
    assertTrue(switchboard.room(ROOM).remove(IDENTITY, DisconnectReason.PARTICIPANT_REMOVED));
    Sipp.Result result = carrier.await(); // the carrier hears our BYE only now
    assertTrue(result.passed(), result.describe());
  }

  private String node(String script, String transferTo, String expectSipStatus) throws Exception {
    Path log = dir.resolve("node-" + System.nanoTime() + ".log");
    ProcessBuilder node = new ProcessBuilder("node", script).directory(NODE_DIR.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    node.environment().putAll(Map.of(
        "LIVEKIT_URL", switchboard.server.url(), "LIVEKIT_API_KEY", RunningSwitchboard.API_KEY,
        "LIVEKIT_API_SECRET", RunningSwitchboard.API_SECRET, "ROOM", ROOM, "IDENTITY", IDENTITY,
        "TRANSFER_TO", transferTo, "EXPECT_SIP_STATUS", expectSipStatus));
    Process process = node.start();
    boolean finished = process.waitFor(60, TimeUnit.SECONDS);
    if (!finished) {
      process.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertTrue(finished && process.exitValue() == 0, "node " + script + " failed:\n" + output);
    return output;
  }
}
