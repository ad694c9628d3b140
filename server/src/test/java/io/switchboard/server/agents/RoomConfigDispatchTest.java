package io.switchboard.server.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.agent.Agent;
import io.switchboard.agent.AgentRegistry;
import io.switchboard.agent.AgentSession;
import io.switchboard.agent.llm.ScriptedLanguageModel;
import io.switchboard.agent.vad.EnergyVad;
import io.switchboard.sfu.room.ParticipantInfo;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.Room;
import io.switchboard.sfu.room.RoomConfigHooks.AgentRequest;
import io.switchboard.sfu.room.RoomManager;
import io.switchboard.sfu.room.RoomOptions;
import java.time.Clock;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A room configuration's agents (CreateRoom, a token's roomConfig) join the room it creates, and stay. */
class RoomConfigDispatchTest {
  private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService sessionThreads = Executors.newVirtualThreadPerTaskExecutor();
  private final RoomManager rooms =
      new RoomManager(Clock.systemUTC(), ticks, Runnable::run, Runnable::run, RoomOptions.UNSET, new SplittableRandom(1));
  private final AgentRegistry registry = new AgentRegistry();
  private final AgentDispatcher dispatcher;
  private final RoomConfigDispatch hooks;

  RoomConfigDispatchTest() {
    registry.register("concierge", () -> new Agent("Welcome guests."));
    dispatcher = new AgentDispatcher(registry,
        () -> AgentSession.builder().vad(new EnergyVad()).stt(AgentDispatcherTest.DEAF)
            .llm(ScriptedLanguageModel.builder().build()).tts(AgentDispatcherTest.MUTE).executor(sessionThreads).build(),
        rooms, Runnable::run, new SplittableRandom(2), Clock.systemUTC());
    hooks = new RoomConfigDispatch(dispatcher);
  }

  @AfterEach
  void stop() {
    rooms.close();
    ticks.shutdownNow();
    sessionThreads.shutdownNow();
  }

  @Test
  void theAgentsOfAConfigurationThatCreatesARoomJoinItWithTheirMetadata() {
    List<AgentRequest> agents = List.of(new AgentRequest("concierge", "{\"floor\":3}"));
    hooks.check(agents);
    Room room = rooms.getOrCreate("hall", RoomOptions.UNSET, created -> hooks.roomCreated(created.name(), agents));
    rooms.getOrCreate("hall", RoomOptions.UNSET, created -> hooks.roomCreated(created.name(), agents));

    List<ParticipantInfo> joined = room.participants();
    assertEquals(List.of(ParticipantKind.AGENT), joined.stream().map(ParticipantInfo::kind).toList(),
        "one agent, in a room nobody else has joined yet");
    AgentDispatchInfo dispatch = dispatcher.list("hall").getFirst();
    assertEquals("{\"floor\":3}", dispatch.metadata());
    assertTrue(dispatch.listening() && dispatch.explicit(), "it stays while the room is open");
    assertEquals(joined.getFirst().identity(), dispatch.identity());
  }

  @Test
  void unknownOrEmptyNamesAreRefusedByIndex() {
    var unknown = assertThrows(IllegalArgumentException.class,
        () -> hooks.check(List.of(new AgentRequest("concierge", ""), new AgentRequest("valet", ""))));
    assertEquals("agents[1].agent_name: no agent named 'valet' is registered (known: [concierge])", unknown.getMessage());
    var empty = assertThrows(IllegalArgumentException.class, () -> hooks.roomCreated("hall", List.of(new AgentRequest("", ""))));
    assertEquals("agents[0].agent_name is empty; name a registered agent (known: [concierge])", empty.getMessage());
    assertEquals(List.of(), dispatcher.list("hall"));
  }
}
