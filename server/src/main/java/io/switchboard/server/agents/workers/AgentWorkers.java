package io.switchboard.server.agents.workers;

import io.switchboard.protocol.auth.TokenIssuer;
import io.switchboard.protocol.auth.TokenVerifier;
import io.switchboard.server.agents.AgentDispatcher;
import io.switchboard.server.config.SwitchboardConfig;
import io.switchboard.server.http.HttpRoutes;
import io.switchboard.sfu.room.RoomManager;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the worker protocol into the server: the {@code /agent} endpoint, and the pool the
 * dispatcher hands dispatches of agents it does not run itself. Job tokens are signed with the
 * first configured API key in sorted order (the key map has no order of its own).
 */
public final class AgentWorkers {
  private static final Logger log = LoggerFactory.getLogger(AgentWorkers.class);

  private AgentWorkers() {}

  /** Registers {@code /agent} on {@code routes}; empty (no endpoint) when no API key is configured. */
  public static Optional<WorkerPool> register(HttpRoutes routes, SwitchboardConfig config, RoomManager rooms,
      AgentDispatcher dispatcher, ScheduledExecutorService scheduler, Clock clock) {
    if (config.keys().isEmpty()) {
      log.info("no API keys: agent workers cannot authenticate, /agent is off");
      return Optional.empty();
    }
    Map.Entry<String, String> key = new TreeMap<>(config.keys()).firstEntry();
    WorkerPool pool = new WorkerPool(rooms, new JobTokens(new TokenIssuer(key.getKey(), key.getValue(), clock)),
        Timers.on(scheduler), new SecureRandom(), clock, WorkerPool.OFFER_TIMEOUT, WorkerPool.JOIN_TIMEOUT);
    dispatcher.useRemoteAgents(pool);
    new AgentWorkerEndpoint(new TokenVerifier(config.keys(), clock), pool).register(routes);
    return Optional.of(pool);
  }
}
