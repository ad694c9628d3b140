package io.switchboard.server.agents.workers;

import io.switchboard.server.agents.RemoteAgents;
import io.switchboard.sfu.api.RoomProtos;
import io.switchboard.sfu.room.Ids;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.RoomEvent;
import io.switchboard.sfu.room.RoomManager;
import io.switchboard.sfu.room.TrackInfo;
import io.switchboard.sfu.signal.SignalSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;
import livekit.LivekitAgent.Job;
import livekit.LivekitAgent.JobType;

/**
 * The workers connected to {@code /agent} and the jobs they run. A job goes to the available
 * worker of its agent's name with the lowest reported load (only room jobs exist here: workers
 * registered for JT_PUBLISHER jobs stay connected but get none); its agent listens (and the call
 * waiting for it is answered) once its participant is in the room and receives the caller's audio
 * ({@link JobRun}). Workers registered without an
 * agent name get the automatic jobs of new rooms ({@link #automaticNamespaces}), in their namespace.
 */
public final class WorkerPool implements RemoteAgents {
  static final String SERVER_VERSION = SignalSettings.defaults().serverVersion();
  static final int PROTOCOL = SignalSettings.PROTOCOL;
  /** How long a worker has to answer an AvailabilityRequest (the Node framework answers at once). */
  public static final Duration OFFER_TIMEOUT = Duration.ofSeconds(5);
  /** How long an assigned agent has to join (a worker may start a process for it). */
  public static final Duration JOIN_TIMEOUT = Duration.ofSeconds(30);

  private final RoomManager rooms;
  private final JobTokens tokens;
  private final Timers timers;
  private final Clock clock;
  private final Duration offerTimeout;
  private final Duration joinTimeout;
  private final Ids ids;
  private final List<WorkerConnection> workers = new CopyOnWriteArrayList<>();
  private final Map<String, JobRun> watched = new HashMap<>();

  public WorkerPool(RoomManager rooms, JobTokens tokens, Timers timers, RandomGenerator random,
      Clock clock, Duration offerTimeout, Duration joinTimeout) {
    this.rooms = rooms;
    this.tokens = tokens;
    this.timers = timers;
    this.clock = clock;
    this.offerTimeout = offerTimeout;
    this.joinTimeout = joinTimeout;
    this.ids = new Ids(random);
    rooms.addListener(this::onRoomEvent);
  }

  /** A new connection; it joins the pool once it registers. */
  WorkerConnection connect(WorkerConnection.Link link) {
    return new WorkerConnection(ids.next("AW_"), link, this, clock);
  }

  void registered(WorkerConnection worker) {
    workers.add(worker);
  }

  void disconnected(WorkerConnection worker) {
    workers.remove(worker);
  }

  /** The registered workers, for tests and the banner. */
  public int workerCount() {
    return workers.size();
  }

  @Override
  public Set<String> names() {
    Set<String> names = new TreeSet<>();
    for (WorkerConnection w : workers) {
      w.registration().filter(r -> !r.publisherJobs()).map(WorkerRegistration::agentName)
          .filter(n -> !n.isEmpty()).ifPresent(names::add);
    }
    return names;
  }

  @Override
  public Set<String> automaticNamespaces() {
    Set<String> namespaces = new TreeSet<>();
    for (WorkerConnection w : workers) {
      w.registration().filter(r -> !r.publisherJobs() && r.agentName().isEmpty())
          .map(WorkerRegistration::namespace).ifPresent(namespaces::add);
    }
    return namespaces;
  }

  @Override
  public RemoteJob start(JobRequest request) {
    JobRun run = new JobRun(request, this);
    run.offerNext();
    return new RemoteAgents.RemoteJob(run.listening(), run.ended(), run::terminate);
  }

  /**
   * The least loaded available room-job worker of the job's agent not tried yet; for an automatic
   * job (no agent name), one registered without a name in the job's namespace.
   */
  Optional<WorkerConnection> pick(JobRequest request, Set<String> tried) {
    return workers.stream()
        .filter(w -> !tried.contains(w.id()) && w.available()
            && w.registration().map(r -> serves(r, request)).orElse(false))
        .min(Comparator.comparingDouble(WorkerConnection::load));
  }

  private static boolean serves(WorkerRegistration r, JobRequest request) {
    return !r.publisherJobs() && r.agentName().equals(request.agentName())
        && (!request.agentName().isEmpty() || r.namespace().equals(request.namespace()));
  }

  /** LiveKit's Job message for a room job, with the room as it is now. */
  Job job(JobRequest request) {
    Job.Builder job = Job.newBuilder()
        .setId(request.jobId())
        .setDispatchId(request.dispatchId())
        .setType(JobType.JT_ROOM)
        .setAgentName(request.agentName())
        .setNamespace(request.namespace())
        .setMetadata(request.metadata());
    rooms.room(request.roomName()).ifPresentOrElse(
        r -> job.setRoom(RoomProtos.room(r.info())),
        () -> job.setRoom(livekit.LivekitModels.Room.newBuilder().setName(request.roomName())));
    return job.build();
  }

  JobTokens tokens() {
    return tokens;
  }

  Duration offerTimeout() {
    return offerTimeout;
  }

  Duration joinTimeout() {
    return joinTimeout;
  }

  Runnable schedule(Duration delay, Runnable task) {
    return timers.schedule(delay, task);
  }

  /** From now on the job hears of its participant joining and leaving. */
  void watch(JobRun run) {
    synchronized (watched) {
      watched.put(key(run.request().roomName(), run.identity()), run);
    }
  }

  void unwatch(JobRun run) {
    synchronized (watched) {
      watched.remove(key(run.request().roomName(), run.identity()), run);
    }
  }

  /** For an agent that joined before it was watched. */
  void checkJoined(JobRun run) {
    rooms.room(run.request().roomName())
        .flatMap(r -> r.participant(run.identity()))
        .ifPresent(p -> run.onParticipantJoined());
  }

  /** The audio tracks of the room's SIP participants: an agent listens once it receives all of them. */
  Set<String> callerAudioTracks(String roomName) {
    Set<String> sids = new TreeSet<>();
    rooms.room(roomName).ifPresent(r -> r.participants().stream()
        .filter(p -> p.kind() == ParticipantKind.SIP)
        .flatMap(p -> p.tracks().stream())
        .filter(t -> t.kind() == TrackInfo.TrackKind.AUDIO)
        .forEach(t -> sids.add(t.sid())));
    return sids;
  }

  private void onRoomEvent(RoomEvent event) {
    switch (event) {
      case RoomEvent.ParticipantJoined joined ->
          find(joined.room().name(), joined.participant().identity()).ifPresent(JobRun::onParticipantJoined);
      case RoomEvent.SubscriberConnected connected ->
          find(connected.room().name(), connected.participant().identity()).ifPresent(JobRun::onSubscriberConnected);
      case RoomEvent.TrackSubscribed subscribed -> find(subscribed.room().name(), subscribed.subscriber().identity())
          .ifPresent(r -> r.onTrackSubscribed(subscribed.track().sid()));
      case RoomEvent.ParticipantLeft left ->
          find(left.room().name(), left.participant().identity()).ifPresent(JobRun::onParticipantLeft);
      case RoomEvent.RoomFinished finished -> inRoom(finished.room().name()).forEach(r -> r.terminate("the room closed"));
      default -> { }
    }
  }

  private Optional<JobRun> find(String room, String identity) {
    synchronized (watched) {
      return Optional.ofNullable(watched.get(key(room, identity)));
    }
  }

  private List<JobRun> inRoom(String room) {
    synchronized (watched) {
      List<JobRun> runs = new ArrayList<>();
      watched.values().forEach(r -> {
        if (r.request().roomName().equals(room)) {
          runs.add(r);
        }
      });
      return runs;
    }
  }

  private static String key(String room, String identity) {
    return room + '\n' + identity;
  }
}
