package io.switchboard.server.agents.workers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.protocol.auth.ClaimGrants;
import io.switchboard.protocol.auth.TokenIssuer;
import io.switchboard.protocol.auth.TokenVerifier;
import io.switchboard.protocol.auth.VideoGrant;
import io.switchboard.server.agents.RemoteAgents;
import io.switchboard.sfu.room.DisconnectReason;
import io.switchboard.sfu.room.LocalParticipant;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.ParticipantListener;
import io.switchboard.sfu.room.ParticipantSpec;
import io.switchboard.sfu.room.RoomManager;
import io.switchboard.sfu.room.RoomOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import livekit.LivekitAgent.AvailabilityRequest;
import livekit.LivekitAgent.AvailabilityResponse;
import livekit.LivekitAgent.JobAssignment;
import livekit.LivekitAgent.JobStatus;
import livekit.LivekitAgent.JobType;
import livekit.LivekitAgent.RegisterWorkerRequest;
import livekit.LivekitAgent.ServerMessage;
import livekit.LivekitAgent.UpdateJobStatus;
import livekit.LivekitAgent.UpdateWorkerStatus;
import livekit.LivekitAgent.WorkerMessage;
import livekit.LivekitAgent.WorkerPing;
import livekit.LivekitAgent.WorkerStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The worker protocol's state machine, driven message by message as a worker would. */
class WorkerPoolTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);

  private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
  private final RoomManager rooms =
      new RoomManager(CLOCK, ticks, Runnable::run, Runnable::run, RoomOptions.UNSET, new SplittableRandom(1));
  private final List<Timer> timers = new ArrayList<>();
  private final WorkerPool pool = new WorkerPool(rooms, new JobTokens(new TokenIssuer("devkey", "secret", CLOCK)),
      this::schedule, new SplittableRandom(2), CLOCK, Duration.ofSeconds(5), Duration.ofSeconds(30));

  @AfterEach
  void stop() {
    rooms.close();
    ticks.shutdownNow();
  }

  @Test
  void aWorkerRegistersGetsAnIdAndServerInfoAndIsAnsweredPings() {
    Worker w = register("tone-bot");
    ServerMessage reply = w.sent.getFirst();
    assertTrue(reply.getRegister().getWorkerId().matches("AW_[0-9A-Za-z]{12}"), reply.toString());
    assertEquals("switchboard", reply.getRegister().getServerInfo().getNodeId());
    assertFalse(reply.getRegister().getServerInfo().getVersion().isEmpty());
    assertEquals(Set.of("tone-bot"), pool.names());

    w.connection.onMessage(WorkerMessage.newBuilder().setPing(WorkerPing.newBuilder().setTimestamp(1234)).build());
    ServerMessage pong = w.sent.getLast();
    assertEquals(1234, pong.getPong().getLastTimestamp());
    assertEquals(CLOCK.millis(), pong.getPong().getTimestamp());
  }

  @Test
  void publisherJobWorkersGetNoRoomJobs() {
    Worker w = connect();
    w.connection.onMessage(WorkerMessage.newBuilder().setRegister(RegisterWorkerRequest.newBuilder()
        .setType(JobType.JT_PUBLISHER).setAgentName("tone-bot")).build());
    assertTrue(w.sent.getFirst().hasRegister(), "it is registered");
    assertEquals(Set.of(), pool.names(), "but serves no dispatch");
  }

  @Test
  void aWorkerThatSpeaksBeforeRegisteringIsClosed() {
    Worker w = connect();
    w.connection.onMessage(WorkerMessage.newBuilder().setPing(WorkerPing.newBuilder().setTimestamp(1)).build());
    assertEquals(1008, w.closedWith);
    assertTrue(w.reason.contains("register first"), w.reason);
    assertEquals(Set.of(), pool.names());
  }

  @Test
  void anAcceptedJobIsAssignedWithATokenAndListensOnceItsAgentReceivesTheCaller() throws Exception {
    rooms.getOrCreate("call-1", RoomOptions.UNSET);
    String callerTrack = caller("call-1").sid();
    Worker w = register("tone-bot");
    RemoteAgents.RemoteJob job = pool.start(request("call-1"));

    AvailabilityRequest offered = w.sent.getLast().getAvailability();
    assertEquals("AJ_1", offered.getJob().getId());
    assertEquals("AD_1", offered.getJob().getDispatchId());
    assertEquals(JobType.JT_ROOM, offered.getJob().getType());
    assertEquals("call-1", offered.getJob().getRoom().getName());
    assertFalse(offered.getJob().getRoom().getSid().isEmpty());
    assertEquals("tone-bot", offered.getJob().getAgentName());
    assertEquals("ticket 7", offered.getJob().getMetadata());

    w.answer(AvailabilityResponse.newBuilder().setJobId("AJ_1").setAvailable(true).setParticipantIdentity("bot-1")
        .setParticipantName("Tone").setParticipantMetadata("{}").putParticipantAttributes("lk.agent.name", "tone-bot"));
    JobAssignment assignment = w.sent.getLast().getAssignment();
    assertEquals("AJ_1", assignment.getJob().getId());
    assertFalse(assignment.hasUrl(), "no URL: the worker joins through the one it connected to");
    ClaimGrants claims = new TokenVerifier(Map.of("devkey", "secret"), CLOCK).verify(assignment.getToken()).grants();
    assertEquals("bot-1", claims.identity());
    assertEquals("Tone", claims.name());
    assertEquals("{}", claims.metadata());
    assertEquals(Map.of("lk.agent.name", "tone-bot"), claims.attributes());
    assertEquals("agent", claims.kind());
    VideoGrant video = claims.video();
    assertTrue(video.roomJoin() && video.agent() && video.canPublish() && video.canSubscribe()
        && video.canPublishData() && video.canUpdateOwnMetadata(), video.toString());
    assertFalse(video.hidden());
    assertEquals("call-1", video.room());
    assertFalse(job.listening().toCompletableFuture().isDone(), "not before the agent is in the room");

    LocalParticipant agent = join("call-1", "bot-1");
    assertFalse(job.listening().toCompletableFuture().isDone(), "in the room, but its ICE and DTLS are under way");
    rooms.room("call-1").orElseThrow().subscriberConnected("bot-1");
    assertFalse(job.listening().toCompletableFuture().isDone(), "connected, but not receiving the caller yet");
    rooms.room("call-1").orElseThrow().trackSubscribed("bot-2", callerTrack);
    assertFalse(job.listening().toCompletableFuture().isDone(), "someone else receiving the caller does not count");
    rooms.room("call-1").orElseThrow().trackSubscribed("bot-1", callerTrack);
    assertEquals("bot-1", job.listening().toCompletableFuture().get());
    assertEquals(List.of(Duration.ofSeconds(5), Duration.ofSeconds(30)), timers.stream().map(t -> t.delay).toList());
    assertTrue(timers.stream().allMatch(t -> t.cancelled), "the offer and join timeouts are cancelled");

    agent.leave(DisconnectReason.CLIENT_INITIATED);
    assertEquals("the agent left the room", job.ended().toCompletableFuture().get());
  }

  @Test
  void theLeastLoadedAvailableWorkerIsAskedAndARefusalOrSilencePassesTheJobOn() throws Exception {
    rooms.getOrCreate("call-2", RoomOptions.UNSET);
    Worker busy = register("tone-bot");
    busy.connection.onMessage(WorkerMessage.newBuilder().setUpdateWorker(UpdateWorkerStatus.newBuilder().setLoad(0.6f)).build());
    Worker idle = register("tone-bot");
    idle.connection.onMessage(WorkerMessage.newBuilder().setUpdateWorker(UpdateWorkerStatus.newBuilder().setLoad(0.1f)).build());
    Worker full = register("tone-bot");
    full.connection.onMessage(WorkerMessage.newBuilder()
        .setUpdateWorker(UpdateWorkerStatus.newBuilder().setStatus(WorkerStatus.WS_FULL).setLoad(0f)).build());

    RemoteAgents.RemoteJob job = pool.start(request("call-2"));
    assertTrue(idle.sent.getLast().hasAvailability(), "the least loaded worker is asked first");
    idle.answer(AvailabilityResponse.newBuilder().setJobId("AJ_1").setAvailable(false));
    assertTrue(busy.sent.getLast().hasAvailability(), "then the next one");
    assertTrue(full.sent.stream().noneMatch(ServerMessage::hasAvailability), "a FULL worker is never asked");

    timers.getLast().fire();
    ExecutionException failed = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
        () -> job.listening().toCompletableFuture().get());
    assertInstanceOf(IllegalStateException.class, failed.getCause());
    assertTrue(failed.getCause().getMessage().contains("no available worker for agent 'tone-bot' (2 tried)"),
        failed.getCause().getMessage());
  }

  @Test
  void losingTheWorkerEndsItsJobsAndItsName() throws Exception {
    rooms.getOrCreate("call-3", RoomOptions.UNSET);
    Worker w = register("tone-bot");
    RemoteAgents.RemoteJob job = pool.start(request("call-3"));
    w.answer(AvailabilityResponse.newBuilder().setJobId("AJ_1").setAvailable(true));
    join("call-3", "agent-AJ_1");
    rooms.room("call-3").orElseThrow().subscriberConnected("agent-AJ_1");
    assertEquals("agent-AJ_1", job.listening().toCompletableFuture().get(),
        "LiveKit's default identity; with no caller in the room, a connected agent listens");

    w.connection.onClosed();
    assertTrue(job.ended().toCompletableFuture().get().contains("disconnected"));
    assertEquals(Set.of(), pool.names());
  }

  @Test
  void anAgentThatJoinsButNeverReceivesTheCallerFailsAtTheJoinTimeoutAndItsJobIsTerminated() throws Exception {
    rooms.getOrCreate("call-5", RoomOptions.UNSET);
    caller("call-5");
    Worker w = register("tone-bot");
    RemoteAgents.RemoteJob job = pool.start(new RemoteAgents.JobRequest("AJ_5", "AD_5", "call-5", "tone-bot", "", Map.of()));
    w.answer(AvailabilityResponse.newBuilder().setJobId("AJ_5").setAvailable(true).setParticipantIdentity("deaf"));
    join("call-5", "deaf");
    rooms.room("call-5").orElseThrow().subscriberConnected("deaf");

    Timer joinTimeout = timers.getLast();
    assertEquals(Duration.ofSeconds(30), joinTimeout.delay);
    assertFalse(joinTimeout.cancelled, "the join timeout runs on until the agent receives the caller");
    joinTimeout.fire();
    ExecutionException failed = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
        () -> job.listening().toCompletableFuture().get());
    assertTrue(failed.getCause().getMessage().matches(
        "the agent of worker AW_\\w+ joined but did not subscribe to the caller's audio within 30 s"),
        failed.getCause().getMessage());
    assertEquals("AJ_5", w.sent.getLast().getTermination().getJobId(), "the worker is told to end the job");
  }

  @Test
  void aJobEndsOnTheWorkersStatusAndATerminationIsSentToTheWorker() throws Exception {
    rooms.getOrCreate("call-4", RoomOptions.UNSET);
    Worker w = register("tone-bot");
    RemoteAgents.RemoteJob first = pool.start(request("call-4"));
    w.answer(AvailabilityResponse.newBuilder().setJobId("AJ_1").setAvailable(true));
    w.connection.onMessage(WorkerMessage.newBuilder()
        .setUpdateJob(UpdateJobStatus.newBuilder().setJobId("AJ_1").setStatus(JobStatus.JS_FAILED).setError("boom"))
        .build());
    assertEquals("the worker failed the job: boom", first.ended().toCompletableFuture().get());

    RemoteAgents.RemoteJob second = pool.start(new RemoteAgents.JobRequest("AJ_2", "AD_2", "call-4", "tone-bot", "", Map.of()));
    w.answer(AvailabilityResponse.newBuilder().setJobId("AJ_2").setAvailable(true));
    second.terminate().accept("its dispatch was deleted");
    assertEquals("AJ_2", w.sent.getLast().getTermination().getJobId());
    assertEquals("its dispatch was deleted", second.ended().toCompletableFuture().get());
  }

  @Test
  void automaticJobsGoOnlyToUnnamedWorkersOfTheirNamespace() {
    rooms.getOrCreate("lobby", RoomOptions.UNSET);
    Worker named = register("tone-bot");
    Worker other = register("", "support");
    Worker unnamed = register("", "");
    assertEquals(Set.of("", "support"), pool.automaticNamespaces());
    assertEquals(Set.of("tone-bot"), pool.names(), "an unnamed worker serves no named dispatch");

    pool.start(new RemoteAgents.JobRequest("AJ_9", "AD_9", "lobby", "", "", Map.of(), ""));
    AvailabilityRequest offered = unnamed.sent.getLast().getAvailability();
    assertEquals("AJ_9", offered.getJob().getId());
    assertEquals("", offered.getJob().getAgentName());
    assertEquals("", offered.getJob().getNamespace());
    assertEquals("lobby", offered.getJob().getRoom().getName());
    assertTrue(named.sent.stream().noneMatch(ServerMessage::hasAvailability), "a named worker gets no automatic job");
    assertTrue(other.sent.stream().noneMatch(ServerMessage::hasAvailability), "nor one of another namespace");

    pool.start(new RemoteAgents.JobRequest("AJ_10", "AD_10", "lobby", "", "", Map.of(), "support"));
    assertEquals("support", other.sent.getLast().getAvailability().getJob().getNamespace());
  }

  @Test
  void publisherJobWorkersWithoutANameGetNoAutomaticJobs() {
    Worker w = connect();
    w.connection.onMessage(WorkerMessage.newBuilder().setRegister(RegisterWorkerRequest.newBuilder()
        .setType(JobType.JT_PUBLISHER)).build());
    assertEquals(Set.of(), pool.automaticNamespaces());
  }

  private RemoteAgents.JobRequest request(String room) {
    return new RemoteAgents.JobRequest("AJ_1", "AD_1", room, "tone-bot", "ticket 7", Map.of());
  }

  /** A SIP caller in {@code room} publishing its audio; returns the track. */
  private io.switchboard.sfu.room.TrackInfo caller(String room) {
    LocalParticipant sip = rooms.room(room).orElseThrow().join(
        new ParticipantSpec("sip_+15550100", "", ParticipantKind.SIP, "", Map.of()), new ParticipantListener() {});
    return sip.publishAudio("phone", new io.switchboard.media.audio.AudioSource() {
      @Override
      public int sampleRate() {
        return 8000;
      }

      @Override
      public boolean read(io.switchboard.media.audio.PcmFrame into) {
        return false;
      }
    });
  }

  private LocalParticipant join(String room, String identity) {
    return rooms.room(room).orElseThrow().join(
        new ParticipantSpec(identity, "", ParticipantKind.AGENT, "", Map.of()), new ParticipantListener() {});
  }

  private Worker connect() {
    Worker w = new Worker();
    w.connection = pool.connect(w);
    return w;
  }

  private Worker register(String agentName) {
    return register(agentName, "");
  }

  private Worker register(String agentName, String namespace) {
    Worker w = connect();
    w.connection.onMessage(WorkerMessage.newBuilder().setRegister(RegisterWorkerRequest.newBuilder()
        .setType(JobType.JT_ROOM).setAgentName(agentName).setNamespace(namespace).setVersion("1.9.0")).build());
    return w;
  }

  private Runnable schedule(Duration delay, Runnable task) {
    Timer t = new Timer(delay, task);
    timers.add(t);
    return () -> t.cancelled = true;
  }

  private static final class Timer {
    final Duration delay;
    final Runnable task;
    boolean cancelled;

    Timer(Duration delay, Runnable task) {
      this.delay = delay;
      this.task = task;
    }

    void fire() {
      if (!cancelled) {
        task.run();
      }
    }
  }

  /** The worker's end of a connection: what the server sent it, and whether it was closed. */
  private static final class Worker implements WorkerConnection.Link {
    final List<ServerMessage> sent = new ArrayList<>();
    WorkerConnection connection;
    int closedWith;
    String reason = "";

    @Override
    public void send(ServerMessage message) {
      sent.add(message);
    }

    @Override
    public void close(int status, String why) {
      closedWith = status;
      reason = why;
      connection.onClosed();
    }

    void answer(AvailabilityResponse.Builder response) {
      connection.onMessage(WorkerMessage.newBuilder().setAvailability(response).build());
    }
  }
}
