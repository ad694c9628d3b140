package io.switchboard.server.agents;

import io.switchboard.agent.AgentRegistry;
import io.switchboard.server.agents.demo.Receptionist;
import io.switchboard.server.config.SwitchboardConfig;
import io.switchboard.sfu.room.RoomManager;
import io.switchboard.trunk.model.DispatchRule;
import io.switchboard.trunk.model.RoomAgentDispatch;
import io.switchboard.trunk.model.RoomConfiguration;
import io.switchboard.trunk.model.RoomRule;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's voice agents: the built-in ones and those named in the configuration, the
 * embedded models their sessions run on, and the dispatcher that puts them into rooms.
 */
public final class Agents implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Agents.class);

  /** The built-in demo agent, which development mode answers calls with while no trunk exists. */
  public static final String DEMO = "demo";

  private final AgentDispatcher dispatcher;
  private final EmbeddedModels models;
  private final AgentClasses classes;
  private final boolean development;

  private Agents(AgentDispatcher dispatcher, EmbeddedModels models, AgentClasses classes, boolean development) {
    this.dispatcher = dispatcher;
    this.models = models;
    this.classes = classes;
    this.development = development;
  }

  /**
   * Registers the agents and, when any may be used (development mode, or agents configured),
   * starts loading the models in the background so the first call does not wait for them.
   */
  public static Agents start(
      SwitchboardConfig config, RoomManager rooms, Clock clock, ExecutorService executor, RandomGenerator random)
      throws AgentSetupException {
    return start(config, rooms, clock, executor, random, System.getenv());
  }

  /** As above; API keys of OpenAI-compatible providers are read from {@code environment}. */
  public static Agents start(
      SwitchboardConfig config, RoomManager rooms, Clock clock, ExecutorService executor, RandomGenerator random,
      Map<String, String> environment)
      throws AgentSetupException {
    AgentRegistry registry = new AgentRegistry();
    registry.register(DEMO, Receptionist::new);
    AgentClasses classes = AgentClasses.on(config.agentRuntime().classpath(), Agents.class.getClassLoader());
    for (Map.Entry<String, String> agent : new TreeMap<>(config.agents()).entrySet()) {
      try {
        registry.register(agent.getKey(), classes.factory(agent.getKey(), agent.getValue()));
      } catch (IllegalArgumentException e) {
        throw new AgentSetupException("agents." + agent.getKey() + ": " + e.getMessage());
      }
    }
    RemoteModels remote = RemoteModels.from(config.agentRuntime(), environment, executor, random);
    EmbeddedModels models =
        new EmbeddedModels(
            config.agentRuntime().rnnoise(), config.agentTurns().turnHandling(), remote, executor, clock);
    if (config.development() || !config.agents().isEmpty()) {
      models.warmUp();
    }
    log.info("agents registered: {}", registry.names());
    return new Agents(new AgentDispatcher(registry, models, rooms, executor, random, clock), models, classes, config.development());
  }

  public AgentDispatcher dispatcher() {
    return dispatcher;
  }

  /** Dispatches the agents of room configurations that create rooms (CreateRoom, a token's roomConfig). */
  public RoomConfigDispatch roomConfigHooks() {
    return new RoomConfigDispatch(dispatcher);
  }

  /**
   * In development mode, the rule for calls while no inbound trunk exists: a room of its own per
   * call ({@code call_<caller>_<random>}) with the demo agent. Empty otherwise: never in production.
   */
  public Optional<DispatchRule> whileNoTrunks() {
    if (!development) {
      return Optional.empty();
    }
    return Optional.of(
        DispatchRule.builder()
            .name("development: every call meets the demo agent while no inbound trunk exists")
            .rule(new RoomRule.Individual("call", "", false))
            .roomConfig(RoomConfiguration.withAgents(new RoomAgentDispatch(DEMO)))
            .build());
  }

  /** Lines for the startup banner. */
  public String describe(String sipUri) {
    StringBuilder sb = new StringBuilder();
    sb.append("  Agents:                  ").append(String.join(", ", dispatcher.agentNames()))
        .append(" (").append(models.describe()).append(")\n");
    if (development) {
      sb.append("  Demo:                    while no inbound trunk is configured, every call (e.g. ")
          .append(sipUri).append(")\n")
          .append("                           is answered by the '").append(DEMO)
          .append("' agent in a room of its own; once a trunk exists, trunks and rules decide\n");
    }
    return sb.toString();
  }

  @Override
  public void close() {
    dispatcher.close();
    models.close();
    try {
      classes.close();
    } catch (IOException e) {
      log.warn("closing the agent class loader failed", e);
    }
  }
}
