package io.switchboard.server.e2e.sipp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.livekit.server.SipServiceClient;
import io.livekit.server.TransferSipParticipantOptions;
import io.switchboard.sfu.room.DataMessage;
import io.switchboard.sfu.room.DataPacket;
import io.switchboard.sfu.room.DisconnectReason;
import io.switchboard.sfu.room.LocalParticipant;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.ParticipantListener;
import io.switchboard.sfu.room.ParticipantSpec;
import io.switchboard.sfu.room.RoomOptions;
import io.switchboard.server.testing.RunningSwitchboard;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The in-call controls on outbound legs, through the whole server: a callee placed with
 * CreateSIPParticipant (SIPp as the carrier's UAS) is transferred with TransferSIPParticipant
 * (REFER in our UAC dialog, NOTIFY sipfrags followed to the outcome), and keys DTMF over SIP
 * INFO that reach the room as SipDTMF.
 */
class OutboundInCallSippTest {
  private static final String CALLEE = "+14155550123";
  private static final String ROOM = "dial-out";
  private static final String IDENTITY = "callee";

  @TempDir Path dir;
  private ServerUnderCall switchboard;
  private Dialing dialing;
  private SipServiceClient sdk;
  private final BlockingQueue<DataPacket> heard = new LinkedBlockingQueue<>();
  private LocalParticipant bot;

  @BeforeEach
  void start() throws Exception {
    Sipp.assumeInstalled();
    switchboard = new ServerUnderCall(dir, false);
    dialing = new Dialing(switchboard.server);
    sdk = SipServiceClient.createClient(switchboard.server.url(), RunningSwitchboard.API_KEY,
        RunningSwitchboard.API_SECRET);
    bot = switchboard.server.server().rooms().getOrCreate(ROOM, RoomOptions.UNSET).join(
        new ParticipantSpec("bot", "Bot", ParticipantKind.AGENT, "", Map.of()),
        new ParticipantListener() {
          @Override
          public void onData(DataPacket packet) {
            heard.add(packet);
          }
        });
  }

  @AfterEach
  void stop() {
    if (switchboard != null) {
      switchboard.close();
    }
  }

  /** Dials the SIPp callee and waits for the answer. */
  private Sipp.Run answered(String scenario, Map<String, String> vars) throws Exception {
    Sipp.Run callee = switchboard.call(scenario, vars);
    String trunk = dialing.trunk(callee.sipPort(), "");
    Dialing.Reply reply = dialing.createParticipant("{\"sip_trunk_id\":\"" + trunk + "\",\"sip_call_to\":\"" + CALLEE
        + "\",\"room_name\":\"" + ROOM + "\",\"participant_identity\":\"" + IDENTITY + "\",\"wait_until_answered\":true}");
    assertEquals(200, reply.status(), reply.body().toString());
    return callee;
  }

  @Test
  void aTransferTheCalleeCarriesOutSucceedsAndEndsTheCallWithBye() throws Exception {
    Sipp.Run callee = answered("outbound_refer_accepted.xml",
        Map.of("REFER_TO", "sip:\\+15105550111@127\\.0\\.0\\.1;user=phone"));

    var response = sdk.transferSipParticipant(ROOM, IDENTITY, "tel:+15105550111",
        new TransferSipParticipantOptions(false)).execute();

    assertTrue(response.isSuccessful(), () -> "HTTP " + response.code() + " " + error(response));
    Sipp.Result result = callee.await(); // passes only after both NOTIFYs were answered 200 and our BYE came
    assertTrue(result.passed(), result.describe());
    String refer = result.message("REFER ");
    assertTrue(refer.contains("Call-ID: " + result.message("INVITE ").lines()
        .filter(l -> l.startsWith("Call-ID: ")).findFirst().orElseThrow().substring(9)), "REFER in our dialog\n" + refer);
    var left = switchboard.rooms.awaitLeft(ROOM, IDENTITY);
    assertEquals("hangup", left.participant().attributes().get("sip.callStatus"));
  }

  @Test
  void aRefusedTransferIsAnErrorWithTheSipStatusAndTheCallGoesOn() throws Exception {
    Sipp.Run callee = answered("outbound_refer_refused.xml",
        Map.of("REFER_TO", "sip:desk@pbx\\.example\\.com", "REFUSAL", "603 Decline"));

    var response = sdk.transferSipParticipant(ROOM, IDENTITY, "sip:desk@pbx.example.com",
        new TransferSipParticipantOptions(true)).execute();

    assertFalse(response.isSuccessful());
    JsonNode body = new ObjectMapper().readTree(error(response));
    assertEquals("permission_denied", body.path("code").asText(), body.toString());
    assertEquals("603", body.path("meta").path("sip_status_code").asText(), body.toString());
    assertEquals("Decline", body.path("meta").path("sip_status").asText(), body.toString());
    assertEquals("REJECTED", body.path("meta").path("transfer_reason").asText(), body.toString());
    var still = switchboard.room(ROOM).participant(IDENTITY);
    assertTrue(still.isPresent(), "the callee is still in the room");
    assertEquals("active", still.get().attributes().get("sip.callStatus"));

    assertTrue(switchboard.room(ROOM).remove(IDENTITY, DisconnectReason.PARTICIPANT_REMOVED));
    Sipp.Result result = callee.await(); // the callee hears our BYE only now
    assertTrue(result.passed(), result.describe());
  }

  @Test
  void infoDigitsFromTheCalleeReachTheRoomAsSipDtmf() throws Exception {
    Sipp.Run callee = answered("outbound_info_dtmf.xml", Map.of());

    DataPacket five = heard.poll(30, TimeUnit.SECONDS);
    DataPacket pound = heard.poll(30, TimeUnit.SECONDS);
    assertTrue(five != null && pound != null, "the room got " + five + ", " + pound);
    assertEquals(new DataMessage.SipDtmf(5, "5"), five.value(), "application/dtmf-relay Signal=5");
    assertEquals(new DataMessage.SipDtmf(11, "#"), pound.value(), "application/dtmf #");
    assertEquals(IDENTITY, five.participantIdentity());

    switchboard.rooms.awaitParticipant(ROOM, IDENTITY, "still in the call", RoomWatch.Ready.callStatus("active"));
    assertTrue(switchboard.room(ROOM).remove(IDENTITY, DisconnectReason.PARTICIPANT_REMOVED));
    Sipp.Result result = callee.await(); // passes only if both INFOs were answered 200
    assertTrue(result.passed(), result.describe());
  }

  @Test
  void keysForACalleeWithoutTelephoneEventGoOutAsInfo() throws Exception {
    Sipp.Run callee = answered("outbound_dtmf_by_info.xml", Map.of("DIGIT", "9"));

    bot.publishData(DataMessage.SipDtmf.of('9'), DataPacket.Kind.RELIABLE, List.of(IDENTITY));
    // The room hands out the data, then the removal, in order; the call sends INFO before BYE.
    assertTrue(switchboard.room(ROOM).remove(IDENTITY, DisconnectReason.PARTICIPANT_REMOVED));

    Sipp.Result result = callee.await(); // passes only if an INFO with Signal=9 came before the BYE
    assertTrue(result.passed(), result.describe());
    assertTrue(result.message("INFO ").contains("Content-Type: application/dtmf-relay"), result.message("INFO "));
  }

  private static String error(retrofit2.Response<?> response) {
    try {
      return response.errorBody() == null ? "" : response.errorBody().string();
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }
}
