package io.switchboard.server.e2e.sipp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.sfu.room.DataMessage;
import io.switchboard.sfu.room.DataPacket;
import io.switchboard.sfu.room.DisconnectReason;
import io.switchboard.sfu.room.LocalParticipant;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.ParticipantListener;
import io.switchboard.sfu.room.ParticipantSpec;
import io.switchboard.sfu.room.RoomOptions;
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
 * DTMF over SIP INFO, which LiveKit answers 405 and we take: a carrier's INFO digits reach the
 * room as SipDTMF, and keys for a carrier that negotiated no telephone-event go out as INFO.
 */
class InfoDtmfSippTest {
  private static final String CALLER = "+14155550123";
  private static final String CALLED = "+15105550100";
  private static final String ROOM = "menu";
  private static final String IDENTITY = "sip_" + CALLER;

  @TempDir Path dir;
  private ServerUnderCall switchboard;
  private final BlockingQueue<DataPacket> heard = new LinkedBlockingQueue<>();
  private LocalParticipant bot;

  @BeforeEach
  void start() throws Exception {
    Sipp.assumeInstalled();
    switchboard = new ServerUnderCall(dir, false);
    String trunk = switchboard.provisioning.inboundTrunk("carrier", List.of(CALLED),
        options -> options.setAllowedAddresses(List.of("127.0.0.1/32")));
    switchboard.provisioning.directRule(trunk, ROOM);
    bot = switchboard.server.server().rooms().getOrCreate(ROOM, RoomOptions.UNSET).join(
        new ParticipantSpec("menu-bot", "Menu", ParticipantKind.AGENT, "", Map.of()),
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

  @Test
  void infoDigitsReachTheRoomAndUnreadableInfoIsRefusedWith415() throws Exception {
    Sipp.Run carrier = switchboard.call("info_dtmf.xml", Map.of("CALLER", CALLER, "CALLED", CALLED));

    DataPacket five = heard.poll(20, TimeUnit.SECONDS);
    DataPacket pound = heard.poll(20, TimeUnit.SECONDS);
    assertTrue(five != null && pound != null, "the room got " + five + ", " + pound);
    assertEquals(new DataMessage.SipDtmf(5, "5"), five.value(), "application/dtmf-relay Signal=5");
    assertEquals(new DataMessage.SipDtmf(11, "#"), pound.value(), "application/dtmf #");
    assertEquals(IDENTITY, five.participantIdentity());

    // The unreadable INFO went first (415 with Accept), so both digits mean every INFO was answered.
    switchboard.rooms.awaitParticipant(ROOM, IDENTITY, "still in the call", RoomWatch.Ready.callStatus("active"));
    assertTrue(switchboard.room(ROOM).remove(IDENTITY, DisconnectReason.PARTICIPANT_REMOVED));
    Sipp.Result result = carrier.await();
    assertTrue(result.passed(), result.describe());
    assertTrue(heard.isEmpty(), "the 415 INFO carried no key: " + heard);
  }

  @Test
  void keysForACarrierWithoutTelephoneEventGoOutAsInfo() throws Exception {
    Sipp.Run carrier = switchboard.call("dtmf_by_info.xml", Map.of("CALLER", CALLER, "CALLED", CALLED, "DIGIT", "9"));
    switchboard.rooms.awaitParticipant(ROOM, IDENTITY, "answered", RoomWatch.Ready.callStatus("active"));

    bot.publishData(DataMessage.SipDtmf.of('9'), DataPacket.Kind.RELIABLE, List.of(IDENTITY));
    // The room hands out the data and then the removal in order, and the call sends what they
    // cause in that order too: our INFO is on the wire before our BYE.
    assertTrue(switchboard.room(ROOM).remove(IDENTITY, DisconnectReason.PARTICIPANT_REMOVED));

    Sipp.Result result = carrier.await(); // passes only if an INFO with Signal=9 came before the BYE
    assertTrue(result.passed(), result.describe());
    assertTrue(result.message("INFO ").contains("Signal=9"), result.message("INFO "));
  }
}
