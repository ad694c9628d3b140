package io.switchboard.server.metrics;

import io.switchboard.agent.AgentEvent;
import io.switchboard.agent.AgentMetrics;
import io.switchboard.server.agents.AgentDispatchEvent;
import io.switchboard.server.agents.AgentDispatcher;
import io.switchboard.sfu.room.ParticipantInfo;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.Room;
import io.switchboard.sfu.room.RoomManager;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * What {@code GET /metrics} reports: the agents' per-turn latencies (LiveKit Agents' metrics
 * events, as histograms in seconds), dispatch counters, and gauges of rooms, participants by
 * kind, active SIP calls and agent sessions read at scrape time.
 */
public final class ServerMetrics {
  /** 50 ms to 10 s: voice turns are judged in tenths of a second, slow providers in seconds. */
  private static final double[] LATENCY_BOUNDS = {0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10};

  private final RoomManager rooms;
  private final AgentDispatcher dispatcher;
  private final IntSupplier activeSipCalls;
  private final Histogram endOfUtterance = new Histogram(LATENCY_BOUNDS);
  private final Histogram sttLatency = new Histogram(LATENCY_BOUNDS);
  private final Histogram llmTtft = new Histogram(LATENCY_BOUNDS);
  private final Histogram ttsTtfb = new Histogram(LATENCY_BOUNDS);
  private final Histogram endToEnd = new Histogram(LATENCY_BOUNDS);
  private final AtomicLong dispatchesStarted = new AtomicLong();
  private final AtomicLong dispatchesFailed = new AtomicLong();

  private ServerMetrics(RoomManager rooms, AgentDispatcher dispatcher, IntSupplier activeSipCalls) {
    this.rooms = rooms;
    this.dispatcher = dispatcher;
    this.activeSipCalls = activeSipCalls;
  }

  /** Metrics that follow every agent {@code dispatcher} starts from now on. */
  public static ServerMetrics start(RoomManager rooms, AgentDispatcher dispatcher, IntSupplier activeSipCalls) {
    ServerMetrics metrics = new ServerMetrics(rooms, dispatcher, activeSipCalls);
    dispatcher.addListener(metrics::onDispatch);
    return metrics;
  }

  private void onDispatch(AgentDispatchEvent event) {
    switch (event) {
      case AgentDispatchEvent.Starting starting -> {
        dispatchesStarted.incrementAndGet();
        starting.session().addListener(this::onAgentEvent);
      }
      case AgentDispatchEvent.Failed failed -> dispatchesFailed.incrementAndGet();
      case AgentDispatchEvent.Listening listening -> { }
      case AgentDispatchEvent.Left left -> { }
    }
  }

  private void onAgentEvent(AgentEvent event) {
    if (event instanceof AgentEvent.MetricsCollected collected) {
      record(collected.metrics());
    }
  }

  /** One measurement of an agent session. */
  void record(AgentMetrics metrics) {
    switch (metrics) {
      case AgentMetrics.EndOfUtterance eou -> endOfUtterance.observe(seconds(eou.endOfUtteranceDelay()));
      case AgentMetrics.Stt stt -> sttLatency.observe(seconds(stt.latency()));
      case AgentMetrics.Llm llm -> llmTtft.observe(seconds(llm.ttft()));
      case AgentMetrics.Tts tts -> ttsTtfb.observe(seconds(tts.ttfb()));
      case AgentMetrics.Turn turn -> endToEnd.observe(seconds(turn.endToEndLatency()));
    }
  }

  /** The exposition text of everything, now. */
  public String scrape() {
    return new PrometheusText()
        .histogram("switchboard_agent_end_of_utterance_delay_seconds",
            "End of the user's speech (VAD) to the turn being committed.", endOfUtterance.snapshot())
        .histogram("switchboard_agent_stt_latency_seconds",
            "End of a speech segment to its final transcript.", sttLatency.snapshot())
        .histogram("switchboard_agent_llm_ttft_seconds",
            "Model request to its first token (text or tool call).", llmTtft.snapshot())
        .histogram("switchboard_agent_tts_ttfb_seconds",
            "Synthesis request to its first audio.", ttsTtfb.snapshot())
        .histogram("switchboard_agent_e2e_latency_seconds",
            "End of the user's speech to the agent's first answering audio frame.", endToEnd.snapshot())
        .counter("switchboard_agent_dispatches_total", "Agents that started joining a room.", dispatchesStarted.get())
        .counter("switchboard_agent_dispatch_failures_total", "Agents that never got to listen.", dispatchesFailed.get())
        .gauge("switchboard_agent_sessions", "Agent sessions joining or in a room.", dispatcher.sessionCount())
        .gauge("switchboard_rooms", "Open rooms.", rooms.rooms().size())
        .gauge("switchboard_participants", "Participants in rooms, by kind.", "kind", participantsByKind())
        .gauge("switchboard_sip_calls_active", "SIP calls in progress.", activeSipCalls.getAsInt())
        .text();
  }

  private Map<String, Long> participantsByKind() {
    Map<ParticipantKind, Long> counts = new EnumMap<>(ParticipantKind.class);
    for (ParticipantKind kind : ParticipantKind.values()) {
      counts.put(kind, 0L);
    }
    for (Room room : rooms.rooms()) {
      for (ParticipantInfo p : room.participants()) {
        counts.merge(p.kind(), 1L, Long::sum);
      }
    }
    Map<String, Long> byName = new TreeMap<>();
    counts.forEach((k, v) -> byName.put(k.name().toLowerCase(Locale.ROOT), v));
    return byName;
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }
}
