package io.switchboard.sip.room;

import io.switchboard.trunk.match.Dispatch;
import io.switchboard.trunk.model.RoomAgentDispatch;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a call routed to a room may be answered: once {@link RoomAgents} says every agent its rule
 * names is in the room and listening; for a rule naming none, once the room's automatic agents
 * are (at once when it gets none).
 */
final class AgentArrival {
  private static final Logger log = LoggerFactory.getLogger(AgentArrival.class);

  private final RoomAgents agents;

  AgentArrival(RoomAgents agents) {
    this.agents = agents;
  }

  /**
   * Dispatches the route's agents; the stage completes when the call may be answered (a call
   * still ringing is then refused by the SIP layer if it fails).
   */
  CompletionStage<Void> dispatch(String sipCallId, Dispatch.Route route) {
    List<RoomAgentDispatch> named = route.roomConfig() == null ? List.of() : route.roomConfig().agents();
    if (named.isEmpty()) {
      return automatic(sipCallId, route);
    }
    List<String> names = named.stream().map(RoomAgentDispatch::agentName).toList();
    log.info("dispatching agents call_id={} room={} rule={} agents={}", sipCallId, route.roomName(), route.ruleId(), names);
    CompletionStage<Void> arrival;
    try {
      arrival = agents.dispatch(route.roomName(), named);
    } catch (RuntimeException e) {
      arrival = CompletableFuture.failedFuture(e);
    }
    return arrival.whenComplete((ok, failure) -> {
      if (failure == null) {
        log.info("agents listening call_id={} room={} agents={}", sipCallId, route.roomName(), names);
      } else {
        log.warn(
            "agents did not join call_id={} room={} rule={}: {}",
            sipCallId, route.roomName(), route.ruleId(), reason(failure));
      }
    });
  }

  /** A rule without agents: the room's automatic agents, if it gets any, must be there first. */
  private CompletionStage<Void> automatic(String sipCallId, Dispatch.Route route) {
    CompletionStage<Void> arrival;
    try {
      arrival = agents.automatic(route.roomName());
    } catch (RuntimeException e) {
      arrival = CompletableFuture.failedFuture(e);
    }
    return arrival.whenComplete((ok, failure) -> {
      if (failure != null) {
        log.warn("automatic agent did not join call_id={} room={} rule={}: {}",
            sipCallId, route.roomName(), route.ruleId(), reason(failure));
      }
    });
  }

  private static String reason(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    return cause.getMessage() != null ? cause.getMessage() : cause.toString();
  }
}
