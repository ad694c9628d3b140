package io.switchboard.server.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.server.config.SwitchboardConfig;
import io.switchboard.sfu.room.RoomManager;
import io.switchboard.sfu.room.RoomOptions;
import io.switchboard.trunk.model.RoomAgentDispatch;
import io.switchboard.trunk.model.RoomRule;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which agents a server has, and that only development mode answers calls without trunks. */
class AgentsTest {
  private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
  private final RoomManager rooms =
      new RoomManager(Clock.systemUTC(), ticks, Runnable::run, Runnable::run, RoomOptions.UNSET, new SplittableRandom(1));
  /** Holds tasks instead of running them: no model is loaded here. */
  private final HeldTasks executor = new HeldTasks();

  @AfterEach
  void stop() {
    rooms.close();
    ticks.shutdownNow();
  }

  private Agents start(SwitchboardConfig config) throws AgentSetupException {
    return Agents.start(config, rooms, Clock.systemUTC(), executor, new SplittableRandom(2));
  }

  @Test
  void productionHasNoRuleForCallsWithoutTrunksAndLoadsNoModelsWithoutAgents() throws Exception {
    try (Agents agents = start(SwitchboardConfig.defaults())) {
      assertTrue(agents.whileNoTrunks().isEmpty());
      assertEquals(List.of("demo"), List.copyOf(agents.dispatcher().agentNames()));
      assertTrue(executor.held.isEmpty(), "models are loaded only when agents may be used");
    }
  }

  @Test
  void developmentRoutesEveryCallToTheDemoInARoomOfItsOwn() throws Exception {
    try (Agents agents = start(SwitchboardConfig.defaults().withDevelopment(true)
        .withAgents(Map.of("receptionist", "com.example.Receptionist")))) {
      var rule = agents.whileNoTrunks().orElseThrow();
      assertEquals(new RoomRule.Individual("call", "", false), rule.rule());
      assertEquals(List.of(new RoomAgentDispatch("demo")), rule.roomConfig().agents());
      assertEquals(List.of("demo", "receptionist"), List.copyOf(agents.dispatcher().agentNames()));
      assertEquals(1, executor.held.size(), "the models start loading at once");
      String banner = agents.describe("sip:anyone@192.0.2.1:5060");
      assertTrue(banner.contains("demo, receptionist"), banner);
      assertTrue(banner.contains("while no inbound trunk is configured, every call (e.g. sip:anyone@192.0.2.1:5060)"), banner);
    }
  }

  @Test
  void aConfiguredNameMayNotTakeABuiltInOne() {
    var e = assertThrows(AgentSetupException.class,
        () -> start(SwitchboardConfig.defaults().withAgents(Map.of("demo", "com.example.Receptionist"))));
    assertEquals("agents.demo: an agent named 'demo' is already registered", e.getMessage());
    var bad = assertThrows(AgentSetupException.class,
        () -> start(SwitchboardConfig.defaults().withAgents(Map.of("front desk", "com.example.Receptionist"))));
    assertTrue(bad.getMessage().startsWith("agents.front desk: agent name must be"), bad.getMessage());
  }

  private static final class HeldTasks extends AbstractExecutorService {
    final List<Runnable> held = new ArrayList<>();

    @Override
    public synchronized void execute(Runnable task) {
      held.add(task);
    }

    @Override
    public void shutdown() {}

    @Override
    public List<Runnable> shutdownNow() {
      return List.of();
    }

    @Override
    public boolean isShutdown() {
      return false;
    }

    @Override
    public boolean isTerminated() {
      return false;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
      return true;
    }
  }
}
