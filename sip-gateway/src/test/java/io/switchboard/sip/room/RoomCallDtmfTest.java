package io.switchboard.sip.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.media.dtmf.DtmfDigit;
import io.switchboard.sfu.room.DataMessage;
import io.switchboard.sfu.room.DataPacket;
import io.switchboard.sfu.room.LocalParticipant;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.ParticipantListener;
import io.switchboard.sfu.room.ParticipantSpec;
import io.switchboard.sfu.room.Room;
import io.switchboard.sfu.room.RoomManager;
import io.switchboard.sfu.room.RoomOptions;
import io.switchboard.sip.incall.TransferOutcome;
import io.switchboard.sip.incall.TransferRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A call's keys as room data, room data as the call's keys, and finding the call to transfer. */
class RoomCallDtmfTest {
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final RoomManager rooms =
      new RoomManager(Clock.systemUTC(), scheduler, Runnable::run, Runnable::run, RoomOptions.UNSET, new SplittableRandom(5));
  private final Room room = rooms.getOrCreate("ivr", RoomOptions.UNSET);
  private final RecordingControl control = new RecordingControl("c1@carrier");
  private final CallRegistry registry = new CallRegistry();
  private final RoomCall call = new RoomCall("c1@carrier", "ST_1", control, registry);
  private final List<DataPacket> botHeard = new ArrayList<>();
  private LocalParticipant bot;

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  private void callInRoom() {
    LocalParticipant caller = room.join(new ParticipantSpec("sip_alice", "Phone alice", ParticipantKind.SIP, "", Map.of()), call);
    assertTrue(call.enteredRoom(caller));
    registry.add(call);
    bot = room.join(new ParticipantSpec("bot", "bot", ParticipantKind.AGENT, "", Map.of()), new ParticipantListener() {
      @Override
      public void onData(DataPacket packet) {
        botHeard.add(packet);
      }
    });
  }

  @Test
  void theCallersKeysArePublishedAsSipDtmf() {
    callInRoom();
    call.onDtmf(DtmfDigit.STAR);
    call.onDtmf(DtmfDigit.D0);
    assertEquals(List.of(new DataMessage.SipDtmf(10, "*"), new DataMessage.SipDtmf(0, "0")),
        botHeard.stream().map(DataPacket::value).toList());
    assertEquals("sip_alice", botHeard.getFirst().participantIdentity());
  }

  @Test
  void keysForTheCallerGoOverInfoWhileNoRtpLegCarriesTelephoneEvents() {
    callInRoom();
    bot.publishData(DataMessage.SipDtmf.of('7'), DataPacket.Kind.RELIABLE, List.of("sip_alice"));
    bot.publishData(new DataMessage.User(new byte[] {1}, "chat"), DataPacket.Kind.RELIABLE, List.of("sip_alice"));
    assertEquals(List.of("info 7"), control.actions, "user data is not for phones");
  }

  @Test
  void theRegistryFindsTheCallByRoomAndIdentityAndTransfersReachItsDialog() {
    callInRoom();
    assertSame(call, registry.find("ivr", "sip_alice").orElseThrow());
    assertTrue(registry.find("ivr", "bot").isEmpty());
    assertTrue(registry.find("other", "sip_alice").isEmpty());

    var result = call.transfer(TransferRequest.to("sip:desk@pbx.example")).toCompletableFuture();
    control.transferResult.complete(new TransferOutcome.NotPossible("test"));
    assertEquals(new TransferOutcome.NotPossible("test"), result.join());
    call.hangup();
    assertEquals(List.of("transfer sip:desk@pbx.example", "hangup"), control.actions);
  }
}
