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
 * assigned, its agent listens when its participant is in the room, its subscriber connection is
 * connected and it receives every SIP caller's audio track in the room (LiveKit's SIP answers a
 * call only then, so the caller's first words reach the agent); an agent that does not get there
 * within the join timeout fails the job. It ends on JS_SUCCESS or JS_FAILED, the participant
 * leaving, the worker going, or a termination.
 */
final class JobRun {
  private static final Logger log = LoggerFactory.getLogger(JobRun.class);

  private final JobRequest request;
  private final WorkerPool pool;
  private final CompletableFuture<String> listening = new CompletableFuture<>();
  private final CompletableFuture<String> ended = new CompletableFuture<>();
  private final Set<String> tried = new HashSet<>();
  private WorkerConnection worker;
  private String identity = "";
  private Runnable joinDeadline = () -> { };
  private boolean over;
  private boolean inRoom;
  private boolean subscriberConnected;
  private final Set<String> subscribedTracks = new HashSet<>();

  JobRun(JobRequest request, WorkerPool pool) {
    this.request = request;
    this.pool = pool;
  }

  JobRequest request() {
    return request;
  }

  /** The agent's identity, once it listens. */
  CompletableFuture<String> listening() {
    return listening;
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
          + notYet() + " within " + pool.joinTimeout().toSeconds() + " s"));
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
    synchronized (this) {
      inRoom = true;
    }
    checkListening();
  }

  /** The agent's subscriber connection finished ICE and DTLS. */
  void onSubscriberConnected() {
    synchronized (this) {
      subscriberConnected = true;
    }
    checkListening();
  }

  /** The agent receives this track. */
  void onTrackSubscribed(String trackSid) {
    synchronized (this) {
      subscribedTracks.add(trackSid);
    }
    checkListening();
  }

  /** Listens once in the room, connected, and receiving every SIP caller's audio in the room. */
  private void checkListening() {
    Set<String> callers = pool.callerAudioTracks(request.roomName());
    synchronized (this) {
      if (over || listening.isDone() || !inRoom || !subscriberConnected || !subscribedTracks.containsAll(callers)) {
        return;
      }
    }
    cancelTimer();
    log.info("job {} agent listening room={} identity={} callers' tracks={}", request.jobId(), request.roomName(),
        identity(), callers);
    listening.complete(identity());
  }

  /** What the agent has not done yet, for the timeout's message. */
  private synchronized String notYet() {
    if (!inRoom) {
      return " did not join";
    }
    if (!subscriberConnected) {
      return " joined but its subscriber connection did not connect";
    }
    return " joined but did not subscribe to the caller's audio";
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
    boolean joined;
    synchronized (this) {
      joined = inRoom;
    }
    if (joined) {
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
    listening.completeExceptionally(new IllegalStateException(reason));
    log.info("job {} ended room={} agent={}: {}", request.jobId(), request.roomName(), request.agentName(), reason);
    ended.complete(reason);
  }

  private synchronized void cancelTimer() {
    joinDeadline.run();
  }
}
