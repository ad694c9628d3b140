package io.switchboard.server.agents.workers;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import livekit.LivekitAgent.AvailabilityRequest;
import livekit.LivekitAgent.AvailabilityResponse;
import livekit.LivekitAgent.Job;
import livekit.LivekitAgent.JobAssignment;
import livekit.LivekitAgent.JobTermination;
import livekit.LivekitAgent.JobType;
import livekit.LivekitAgent.RegisterWorkerRequest;
import livekit.LivekitAgent.RegisterWorkerResponse;
import livekit.LivekitAgent.ServerMessage;
import livekit.LivekitAgent.UpdateJobStatus;
import livekit.LivekitAgent.UpdateWorkerStatus;
import livekit.LivekitAgent.WorkerMessage;
import livekit.LivekitAgent.WorkerPong;
import livekit.LivekitAgent.WorkerStatus;
import livekit.LivekitModels.ServerInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker's {@code /agent} connection, as LiveKit's {@code pkg/agent} worker: it must register
 * first (else it is closed), then answers pings, reports its status and load, answers
 * availability requests and reports job status. Messages arrive on the network thread; offers and
 * assignments come from dispatching threads, hence the lock.
 */
final class WorkerConnection {
  private static final Logger log = LoggerFactory.getLogger(WorkerConnection.class);

  /** How a connection reaches its worker: a binary WebSocket message, or closing it. */
  interface Link {
    void send(ServerMessage message);

    void close(int status, String reason);
  }

  private final String id;
  private final Link link;
  private final WorkerPool pool;
  private final Clock clock;
  private final Map<String, CompletableFuture<AvailabilityResponse>> offers = new HashMap<>();
  private final Map<String, JobRun> jobs = new HashMap<>();
  private WorkerRegistration registration;
  private WorkerStatus status = WorkerStatus.WS_AVAILABLE;
  private float load;
  private boolean closed;

  WorkerConnection(String id, Link link, WorkerPool pool, Clock clock) {
    this.id = id;
    this.link = link;
    this.pool = pool;
    this.clock = clock;
  }

  String id() {
    return id;
  }

  synchronized Optional<WorkerRegistration> registration() {
    return Optional.ofNullable(registration);
  }

  /** Registered, connected and not FULL. */
  synchronized boolean available() {
    return registration != null && !closed && status == WorkerStatus.WS_AVAILABLE;
  }

  synchronized float load() {
    return load;
  }

  void onMessage(WorkerMessage message) {
    switch (message.getMessageCase()) {
      case REGISTER -> register(message.getRegister());
      case MESSAGE_NOT_SET -> log.debug("worker {} sent an empty message", id);
      default -> {
        if (registration().isEmpty()) {
          link.close(1008, "register first: got " + message.getMessageCase() + " before RegisterWorkerRequest");
          return;
        }
        switch (message.getMessageCase()) {
          case AVAILABILITY -> answered(message.getAvailability());
          case UPDATE_WORKER -> updateStatus(message.getUpdateWorker());
          case UPDATE_JOB -> updateJob(message.getUpdateJob());
          case PING -> link.send(ServerMessage.newBuilder()
              .setPong(WorkerPong.newBuilder()
                  .setLastTimestamp(message.getPing().getTimestamp())
                  .setTimestamp(clock.millis()))
              .build());
          default -> log.info("worker {}: {} is not supported, ignored", id, message.getMessageCase());
        }
      }
    }
  }

  private void register(RegisterWorkerRequest request) {
    if (request.getType() == JobType.JT_PARTICIPANT) {
      link.close(1008, "job type JT_PARTICIPANT is not supported: register for JT_ROOM");
      return;
    }
    WorkerRegistration registered = new WorkerRegistration(request.getAgentName(), request.getNamespace(),
        request.getVersion(), request.getType() == JobType.JT_PUBLISHER);
    synchronized (this) {
      if (registration != null) {
        link.close(1008, "already registered as worker " + id);
        return;
      }
      registration = registered;
    }
    link.send(ServerMessage.newBuilder()
        .setRegister(RegisterWorkerResponse.newBuilder()
            .setWorkerId(id)
            .setServerInfo(ServerInfo.newBuilder()
                .setEdition(ServerInfo.Edition.Standard)
                .setVersion(WorkerPool.SERVER_VERSION)
                .setProtocol(WorkerPool.PROTOCOL)
                .setNodeId("switchboard")))
        .build());
    log.info("agent worker registered id={} agent={} version={}", id, registered.agentName(), registered.version());
    if (registered.publisherJobs()) {
      log.warn("agent worker {} registered for JT_PUBLISHER jobs, which this server does not offer: it gets no jobs", id);
    }
    pool.registered(this);
  }

  private void updateStatus(UpdateWorkerStatus update) {
    synchronized (this) {
      if (update.hasStatus()) {
        status = update.getStatus();
      }
      load = update.getLoad();
    }
  }

  private void updateJob(UpdateJobStatus update) {
    JobRun job;
    synchronized (this) {
      job = jobs.get(update.getJobId());
    }
    if (job == null) {
      log.debug("worker {} reported job {} which it does not run", id, update.getJobId());
      return;
    }
    job.onStatus(update.getStatus(), update.getError());
  }

  private void answered(AvailabilityResponse response) {
    CompletableFuture<AvailabilityResponse> offer;
    synchronized (this) {
      offer = offers.remove(response.getJobId());
    }
    if (offer == null) {
      log.debug("worker {} answered for job {} which it was not offered (or too late)", id, response.getJobId());
      return;
    }
    offer.complete(response);
  }

  /** LiveKit's AvailabilityRequest; the answer completes the stage (failed if the worker goes). */
  CompletableFuture<AvailabilityResponse> offer(Job job) {
    CompletableFuture<AvailabilityResponse> answer = new CompletableFuture<>();
    synchronized (this) {
      if (closed) {
        return CompletableFuture.failedFuture(new IllegalStateException("worker " + id + " disconnected"));
      }
      offers.put(job.getId(), answer);
    }
    link.send(ServerMessage.newBuilder().setAvailability(AvailabilityRequest.newBuilder().setJob(job)).build());
    return answer;
  }

  /** Forgets an offer the worker did not answer in time. */
  synchronized void withdraw(String jobId) {
    offers.remove(jobId);
  }

  /** LiveKit's JobAssignment; url left unset so the worker joins through the URL it connected to. */
  boolean assign(JobRun run, Job job, String token) {
    synchronized (this) {
      if (closed) {
        return false;
      }
      jobs.put(job.getId(), run);
    }
    link.send(ServerMessage.newBuilder().setAssignment(JobAssignment.newBuilder().setJob(job).setToken(token)).build());
    return true;
  }

  /** LiveKit's JobTermination: the worker ends the job and its agent leaves. */
  void terminate(String jobId) {
    synchronized (this) {
      if (jobs.remove(jobId) == null || closed) {
        return;
      }
    }
    link.send(ServerMessage.newBuilder().setTermination(JobTermination.newBuilder().setJobId(jobId)).build());
  }

  /** The job ended on its own (status, participant left): no termination to send. */
  synchronized void forget(String jobId) {
    jobs.remove(jobId);
  }

  /** The connection is gone: pending offers fail and running jobs are lost. */
  void onClosed() {
    List<CompletableFuture<AvailabilityResponse>> pending;
    List<JobRun> lost;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      pending = new ArrayList<>(offers.values());
      lost = new ArrayList<>(jobs.values());
      offers.clear();
      jobs.clear();
    }
    log.info("agent worker disconnected id={} jobs lost={}", id, lost.size());
    pool.disconnected(this);
    IllegalStateException gone = new IllegalStateException("worker " + id + " disconnected");
    pending.forEach(p -> p.completeExceptionally(gone));
    lost.forEach(j -> j.onWorkerLost(this));
  }
}
