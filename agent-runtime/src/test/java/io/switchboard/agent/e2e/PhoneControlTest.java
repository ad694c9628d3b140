package io.switchboard.agent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.agent.Agent;
import io.switchboard.agent.AgentEvent;
import io.switchboard.agent.AgentSession;
import io.switchboard.agent.llm.ScriptedLanguageModel;
import io.switchboard.agent.phone.DialOptions;
import io.switchboard.agent.phone.DialResult;
import io.switchboard.agent.phone.PhoneLines;
import io.switchboard.agent.phone.TransferOptions;
import io.switchboard.agent.phone.TransferResult;
import io.switchboard.agent.tts.freetts.FreeTtsTextToSpeech;
import io.switchboard.agent.vad.EnergyVad;
import io.switchboard.sfu.room.DataMessage;
import io.switchboard.sfu.room.DataPacket;
import io.switchboard.sfu.room.LocalParticipant;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.ParticipantListener;
import io.switchboard.sfu.room.ParticipantSpec;
import io.switchboard.sfu.room.Room;
import io.switchboard.sfu.room.RoomManager;
import io.switchboard.sfu.room.RoomOptions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An agent's phone control: digits in as events, digits out as SipDTMF, transfers to the phone lines. */
class PhoneControlTest {
  private static FreeTtsTextToSpeech tts;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final BlockingQueue<AgentEvent> events = new LinkedBlockingQueue<>();
  private final BlockingQueue<DataPacket> phoneHeard = new LinkedBlockingQueue<>();
  private final List<String> lineRequests = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void voice() {
    tts = new FreeTtsTextToSpeech();
  }

  @AfterAll
  static void unload() {
    tts.close();
  }

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
    executor.shutdownNow();
  }

  /** Stands in for the server's SIP legs: records what the agent asked. */
  private final PhoneLines lines = new PhoneLines() {
    @Override
    public TransferResult transfer(String room, String identity, String transferTo, TransferOptions options) {
      lineRequests.add("transfer " + room + " " + identity + " " + transferTo + " dialtone=" + options.playDialtone());
      return new TransferResult.Failed("REJECTED", 603, "603 Decline");
    }

    @Override
    public void hangUp(String room, String identity) {
      lineRequests.add("hangup " + room + " " + identity);
    }

    @Override
    public DialResult dial(String room, String number, DialOptions options) {
      lineRequests.add("dial " + room + " " + number + " trunk=" + options.trunkId());
      return new DialResult.Answered(options.participantIdentity().isEmpty() ? "sip_" + number : options.participantIdentity());
    }
  };

  @Test
  void digitsComeInAsEventsAndGoOutAsSipDtmfToTheCaller() throws Exception {
    RoomManager rooms = new RoomManager(Clock.systemUTC(), scheduler, Runnable::run, executor, RoomOptions.UNSET, new Random(3));
    Room room = rooms.getOrCreate("ivr", RoomOptions.UNSET);
    LocalParticipant phone = room.join(new ParticipantSpec("sip_+14155550123", "Phone", ParticipantKind.SIP, "", Map.of()),
        new ParticipantListener() {
          @Override
          public void onData(DataPacket packet) {
            phoneHeard.add(packet);
          }
        });
    AgentSession session = AgentSession.builder().vad(new EnergyVad()).stt(SharedSphinx.get())
        .llm(ScriptedLanguageModel.builder().build()).tts(tts).executor(executor).build();
    session.addListener(events::add);
    session.start(room, new Agent("You run a phone menu."), "agent-1", lines);

    phone.publishData(DataMessage.SipDtmf.of('5'));
    assertEquals(new AgentEvent.SipDtmfReceived("sip_+14155550123", '5', 5), next(AgentEvent.SipDtmfReceived.class));

    assertEquals(List.of("sip_+14155550123"), session.phone().callers());
    session.phone().sendDtmf("sip_+14155550123", "1#");
    for (DataMessage expected : List.of(new DataMessage.SipDtmf(1, "1"), new DataMessage.SipDtmf(11, "#"))) {
      DataPacket got = phoneHeard.poll(5, TimeUnit.SECONDS);
      assertEquals(expected, got.value());
      assertEquals("agent-1", got.participantIdentity());
      assertEquals(List.of("sip_+14155550123"), got.destinationIdentities());
    }
    var bad = assertThrows(IllegalArgumentException.class, () -> session.phone().sendDtmf("sip_+14155550123", "12x"));
    assertTrue(bad.getMessage().contains("'x' is not a DTMF key"), bad.getMessage());
    session.phone().sendDtmf("sip_+14155550123", "9");
    assertEquals(new DataMessage.SipDtmf(9, "9"), phoneHeard.poll(5, TimeUnit.SECONDS).value(),
        "nothing of the bad string went out before the next good key (the room delivers in order)");

    var result = session.phone().transfer("sip_+14155550123", "tel:+15105550111", TransferOptions.DEFAULT.withDialtone());
    assertEquals(new TransferResult.Failed("REJECTED", 603, "603 Decline"), result);
    session.phone().hangUp("sip_+14155550123");
    assertEquals(new DialResult.Answered("human"),
        session.phone().dial("+15105550111", DialOptions.DEFAULT.withTrunk("ST_1").withIdentity("human")));
    assertEquals(List.of("transfer ivr sip_+14155550123 tel:+15105550111 dialtone=true", "hangup ivr sip_+14155550123",
        "dial ivr +15105550111 trunk=ST_1"), lineRequests);
    session.close();
  }

  @Test
  void aSessionWithoutPhoneLinesSaysSo() {
    RoomManager rooms = new RoomManager(Clock.systemUTC(), scheduler, Runnable::run, executor, RoomOptions.UNSET, new Random(4));
    AgentSession session = AgentSession.builder().vad(new EnergyVad()).stt(SharedSphinx.get())
        .llm(ScriptedLanguageModel.builder().build()).tts(tts).executor(executor).build();
    assertThrows(IllegalStateException.class, session::phone, "not started");
    session.start(rooms.getOrCreate("r", RoomOptions.UNSET), new Agent("x"), "agent-2");
    var e = assertThrows(UnsupportedOperationException.class, () -> session.phone().hangUp("sip_1"));
    assertTrue(e.getMessage().contains("no phone lines"), e.getMessage());
    session.close();
  }

  private <T extends AgentEvent> T next(Class<T> type) throws InterruptedException {
    while (true) {
      AgentEvent event = events.poll(10, TimeUnit.SECONDS);
      if (event == null) {
        throw new AssertionError("no " + type.getSimpleName());
      }
      if (type.isInstance(event)) {
        return type.cast(event);
      }
    }
  }
}
