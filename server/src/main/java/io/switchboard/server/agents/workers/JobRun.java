package io.switchboard.server.agents.workers;

import io.switchboard.server.agents.RemoteAgents.JobRequest;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import livekit.LivekitAgent.AvailabilityResponse;
import livekit.LivekitAgent.Job;
import livekit.LivekitAgent.JobStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One job's way to a worker, as LiveKit's server runs it: offer it (AvailabilityRequest) to an
 * available worker of the agent's name; on {@code available} assign it with a token; on a refusal,
 * no answer in time or the worker going, offer it to the next one; with none left it fails. Once
 * assigned it is joined when the agent's participant is in the room, and ends on JS_SUCCESS or
 * JS_FAILED, the participant leaving, the worker going, or a termination.
 */
final class JobRun {
  private static final Logger log = LoggerFactory.getLogger(JobRun.class);

  private final JobRequest request;
  private final WorkerPool pool;
  private final CompletableFuture<String> joined = new CompletableFuture<>();
  private final CompletableFuture<String> ended = new CompletableFuture<>();
  private final Set<String> tried = new HashSet<>();
  private WorkerConnection worker;
  private String identity = "";
  private Runnable joinDeadline = () -> { };
  private boolean over;

  JobRun(JobRequest request, WorkerPool pool) {
    this.request = request;
    this.pool = pool;
  }

  JobRequest request() {
    return request;
  }

  CompletableFuture<String> joined() {
    return joined;
  }

  CompletableFuture<String> ended() {
    return ended;
  }

  /** The identity the assigned worker's agent joins as; empty before assignment. */
  synchronized String identity() {
    return identity;
  }

  /** Offers the job to the next untried available worker, or fails when none is left. */
  void offerNext() {
    Optional<WorkerConnection> next;
    synchronized (this) {
      if (over) {
        return;
      }
      next = pool.pick(request, tried);
      next.ifPresent(w -> tried.add(w.id()));
    }
    if (next.isEmpty()) {
      fail("no available worker for agent '" + request.agentName() + "' (" + tried.size() + " tried)");
      return;
    }
    WorkerConnection candidate = next.get();
    Job job = pool.job(request);
    CompletableFuture<AvailabilityResponse> answer = candidate.offer(job);
    Runnable cancelTimeout = pool.schedule(pool.offerTimeout(), () -> {
      candidate.withdraw(request.jobId());
      answer.completeExceptionally(new IllegalStateException("no availability answer in time"));
    });
    answer.whenComplete((response, error) -> {
      cancelTimeout.run();
      if (error != null || !response.getAvailable()) {
        log.info("worker {} did not take job {}: {}", candidate.id(), request.jobId(),
            error != null ? error.getMessage() : "not available");
        offerNext();
      } else {
        assign(candidate, job, response);
      }
    });
  }

  private void assign(WorkerConnection candidate, Job job, AvailabilityResponse response) {
    String chosen = response.getParticipantIdentity().isEmpty()
        ? "agent-" + request.jobId() : response.getParticipantIdentity();
    synchronized (this) {
      if (over) {
        return;
      }
      worker = candidate;
      identity = chosen;
      joinDeadline = pool.schedule(pool.joinTimeout(), () -> fail("the agent of worker " + candidate.id()
          + " did not join within " + pool.joinTimeout().toSeconds() + " s"));
    }
    // Watch for the participant before the worker can join with the token.
    pool.watch(this);
    String token = pool.tokens().mint(request.roomName(), chosen, response.getParticipantName(),
        response.getParticipantMetadata(), response.getParticipantAttributesMap());
    if (!candidate.assign(this, job, token)) {
      onWorkerLost(candidate);
      return;
    }
    boolean endedMeanwhile;
    synchronized (this) {
      endedMeanwhile = over;
    }
    if (endedMeanwhile) {
      // Terminated between the answer and the assignment: the worker now knows the job, so tell it.
      candidate.terminate(request.jobId());
      return;
    }
    log.info("job {} assigned room={} agent={} worker={} identity={}", request.jobId(), request.roomName(),
        request.agentName(), candidate.id(), chosen);
    pool.checkJoined(this);
  }

  /** The agent's participant is in the room. */
  void onParticipantJoined() {
    cancelTimer();
    joined.complete(identity());
  }

  void onParticipantLeft() {
    end("the agent left the room", false);
  }

  void onStatus(JobStatus status, String error) {
    switch (status) {
      case JS_SUCCESS -> end("the worker finished the job", false);
      case JS_FAILED -> end("the worker failed the job: " + error, false);
      case JS_PENDING, JS_RUNNING, UNRECOGNIZED -> { }
    }
  }

  /** The assigned (or offered) worker disconnected: before the agent joined, another may take the job. */
  void onWorkerLost(WorkerConnection lost) {
    synchronized (this) {
      if (worker != lost) {
        return;
      }
      worker = null;
    }
    if (joined.isDone()) {
      end("worker " + lost.id() + " disconnected", false);
    } else {
      cancelTimer();
      pool.unwatch(this);
      offerNext();
    }
  }

  /** LiveKit's JobTermination (dispatch deleted, room closed, everyone else left). */
  void terminate(String reason) {
    end(reason, true);
  }

  private void fail(String reason) {
    end(reason, true);
  }

  private void end(String reason, boolean tellWorker) {
    WorkerConnection assigned;
    synchronized (this) {
      if (over) {
        return;
      }
      over = true;
      assigned = worker;
    }
    cancelTimer();
    pool.unwatch(this);
    if (assigned != null) {
      if (tellWorker) {
        assigned.terminate(request.jobId());
      } else {
        assigned.forget(request.jobId());
      }
    }
    joined.completeExceptionally(new IllegalStateException(reason));
    log.info("job {} ended room={} agent={}: {}", request.jobId(), request.roomName(), request.agentName(), reason);
    ended.complete(reason);
  }

  private synchronized void cancelTimer() {
    joinDeadline.run();
  }
}
