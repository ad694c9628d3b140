package io.switchboard.server.agents;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Agents running in other processes (LiveKit Agents framework workers connected to
 * {@code /agent}). {@link AgentDispatcher} hands them the dispatches whose agent name no
 * in-process agent has: in-process agents take precedence over workers of the same name.
 */
public interface RemoteAgents {
  /** For servers where no worker can connect. */
  RemoteAgents NONE = new RemoteAgents() {
    @Override
    public Set<String> names() {
      return Set.of();
    }

    @Override
    public RemoteJob start(JobRequest request) {
      IllegalStateException none = new IllegalStateException("no worker serves agent '" + request.agentName() + "'");
      return new RemoteJob(CompletableFuture.failedFuture(none), CompletableFuture.completedFuture(none.getMessage()),
          reason -> { });
    }
  };

  /** Names of agents with at least one registered worker. */
  Set<String> names();

  /**
   * Namespaces of the workers registered without an agent name (LiveKit's automatic dispatch):
   * a room started without explicit agents gets one job in each.
   */
  default Set<String> automaticNamespaces() {
    return Set.of();
  }

  /** Finds a worker for the job and assigns it; never throws, failures complete {@code listening} exceptionally. */
  RemoteJob start(JobRequest request);

  /**
   * One room job ({@code AJ_…}) of one dispatch ({@code AD_…}), as LiveKit's {@code Job}.
   *
   * @param namespace for an automatic job (empty {@code agentName}), the namespace of the workers it goes to
   */
  record JobRequest(
      String jobId, String dispatchId, String roomName, String agentName, String metadata,
      Map<String, String> attributes, String namespace) {
    /** A job for a named agent (its workers' namespaces do not matter). */
    public JobRequest(String jobId, String dispatchId, String roomName, String agentName, String metadata,
        Map<String, String> attributes) {
      this(jobId, dispatchId, roomName, agentName, metadata, attributes, "");
    }
  }

  /**
   * A job handed to a worker.
   *
   * @param listening the agent's participant identity, once it is in the room and receives its audio
   *     (its subscriber connection is connected and it is subscribed to the SIP callers' tracks)
   * @param ended why the job ended (worker finished or failed it, left, was lost, terminated)
   * @param terminate asks the worker to end the job (LiveKit's JobTermination), with the reason
   */
  record RemoteJob(CompletionStage<String> listening, CompletionStage<String> ended,
      java.util.function.Consumer<String> terminate) {}
}
