package io.switchboard.agent;

import java.util.Objects;

/**
 * Why a session runs, as LiveKit Agents' {@code JobContext.job}: the dispatch that put the agent
 * into its room and the dispatch's metadata (free text the dispatcher chose, often JSON), which
 * an agent reads through {@link AgentSession#job()}, e.g. in {@link Agent#onEnter}.
 */
public record JobInfo(String jobId, String dispatchId, String roomName, String agentName, String metadata) {
  /** A session started without a dispatch (tests, embedding). */
  public static final JobInfo NONE = new JobInfo("", "", "", "", "");

  public JobInfo {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(dispatchId, "dispatchId");
    Objects.requireNonNull(roomName, "roomName");
    Objects.requireNonNull(agentName, "agentName");
    metadata = metadata == null ? "" : metadata;
  }
}
