package io.switchboard.sfu.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.media.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Data messages between participants: who receives them, and what they see of the sender. */
class RoomDataTest {
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final RoomManager rooms =
      new RoomManager(new MutableClock(), scheduler, Runnable::run, Runnable::run,
          new RoomOptions(Duration.ofMinutes(5), Duration.ofSeconds(20), 0, ""), new SplittableRandom(7));
  private final Room room = rooms.getOrCreate("lobby", RoomOptions.UNSET);

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  private static final class Inbox implements ParticipantListener {
    final List<DataPacket> packets = new ArrayList<>();

    @Override
    public void onData(DataPacket packet) {
      packets.add(packet);
    }
  }

  private LocalParticipant join(String identity, ParticipantKind kind, Inbox inbox) {
    return room.join(new ParticipantSpec(identity, identity, kind, "", Map.of()), inbox);
  }

  @Test
  void aCallersKeyReachesEveryoneElseWithTheCallerAsSender() {
    Inbox phone = new Inbox();
    Inbox agent = new Inbox();
    Inbox browser = new Inbox();
    LocalParticipant caller = join("sip_+14155550123", ParticipantKind.SIP, phone);
    join("agent-1", ParticipantKind.AGENT, agent);
    join("alice", ParticipantKind.STANDARD, browser);

    caller.publishData(DataMessage.SipDtmf.of('#'));

    assertEquals(List.of(), phone.packets, "a sender does not hear itself");
    for (Inbox inbox : List.of(agent, browser)) {
      DataPacket got = inbox.packets.getFirst();
      assertEquals("sip_+14155550123", got.participantIdentity());
      assertEquals(caller.info().sid(), got.participantSid());
      assertEquals(new DataMessage.SipDtmf(11, "#"), got.value(), "RFC 4733: # is event 11");
      assertEquals(DataPacket.Kind.RELIABLE, got.kind());
      assertEquals(List.of(), got.destinationIdentities());
    }
  }

  @Test
  void addressedMessagesReachOnlyTheirDestinationsAndUnknownOnesAreSkipped() {
    Inbox phone = new Inbox();
    Inbox other = new Inbox();
    join("sip_caller", ParticipantKind.SIP, phone);
    join("sip_other", ParticipantKind.SIP, other);
    LocalParticipant agent = join("agent-1", ParticipantKind.AGENT, new Inbox());

    agent.publishData(DataMessage.SipDtmf.of('5'), DataPacket.Kind.RELIABLE, List.of("sip_caller", "gone"));
    agent.publishData(new DataMessage.User("hi".getBytes(StandardCharsets.UTF_8), "chat"),
        DataPacket.Kind.LOSSY, List.of("sip_other"));

    assertEquals(1, phone.packets.size());
    assertEquals(new DataMessage.SipDtmf(5, "5"), phone.packets.getFirst().value());
    assertEquals(List.of("sip_caller", "gone"), phone.packets.getFirst().destinationIdentities());
    assertEquals(1, other.packets.size());
    DataPacket user = other.packets.getFirst();
    assertEquals(new DataMessage.User("hi".getBytes(StandardCharsets.UTF_8), "chat"), user.value());
    assertEquals(DataPacket.Kind.LOSSY, user.kind());
  }

  @Test
  void aParticipantThatLeftCannotPublishAndIsNotDeliveredTo() {
    Inbox stays = new Inbox();
    Inbox leaves = new Inbox();
    LocalParticipant sender = join("sender", ParticipantKind.STANDARD, new Inbox());
    join("stays", ParticipantKind.STANDARD, stays);
    join("leaves", ParticipantKind.STANDARD, leaves).leave(DisconnectReason.CLIENT_INITIATED);

    sender.publishData(DataMessage.SipDtmf.of('a'));
    assertEquals(List.of(), leaves.packets);
    assertEquals(new DataMessage.SipDtmf(12, "A"), stays.packets.getFirst().value());

    sender.leave(DisconnectReason.CLIENT_INITIATED);
    var e = assertThrows(IllegalStateException.class, () -> sender.publishData(DataMessage.SipDtmf.of('1')));
    assertTrue(e.getMessage().contains("sender has left"), e.getMessage());
  }

  @Test
  void dtmfMessagesNameTheirKeyAndRefuseWhatIsNoKey() {
    assertEquals('*', new DataMessage.SipDtmf(10, "").key(), "a client that sends only the code");
    assertEquals('D', new DataMessage.SipDtmf(0, "d").key(), "the digit wins when both are set");
    assertThrows(IllegalArgumentException.class, () -> new DataMessage.SipDtmf(16, "").key());
    var e = assertThrows(IllegalArgumentException.class, () -> DataMessage.SipDtmf.of('x'));
    assertTrue(e.getMessage().contains("'x' is not a DTMF key"), e.getMessage());
  }

  @Test
  void userPayloadsCannotBeChangedThroughTheMessage() {
    byte[] bytes = {1, 2, 3};
    var message = new DataMessage.User(bytes, null);
    bytes[0] = 9;
    message.payload()[1] = 9;
    assertEquals(List.of((byte) 1, (byte) 2, (byte) 3), List.of(message.payload()[0], message.payload()[1], message.payload()[2]));
    assertEquals("", message.topic());
  }
}
