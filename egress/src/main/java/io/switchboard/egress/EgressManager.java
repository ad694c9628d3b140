package io.switchboard.egress;

import io.switchboard.egress.record.Recorder;
import io.switchboard.egress.s3.S3Uploader;
import io.switchboard.media.codec.opus.OpusRuntime;
import io.switchboard.sfu.room.Ids;
import io.switchboard.sfu.room.Room;
import io.switchboard.sfu.room.RoomEvent;
import io.switchboard.sfu.room.RoomEventListener;
import io.switchboard.sfu.room.RoomManager;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import livekit.LivekitEgress.EgressInfo;
import livekit.LivekitEgress.EgressStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every egress of this server: starts recorders on rooms, writes their files a few times a second,
 * ends them when asked or when their room empties, uploads finished files, and reports each state
 * change (LiveKit's EGRESS_STARTING → ACTIVE → ENDING → COMPLETE, or FAILED with the reason).
 *
 * <p>Register it with {@link RoomManager#addListener}. A recording that cannot be written fails on
 * its own; the call it records never notices.
 */
public final class EgressManager implements RoomEventListener, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EgressManager.class);
  private static final long DRAIN_MILLIS = 200;

  private final RoomManager rooms;
  private final OpusRuntime opus;
  private final Clock clock;
  private final LongSupplier nanoTime;
  private final ScheduledExecutorService scheduler;
  private final Executor writers;
  private final EgressListener listener;
  private final Ids ids;
  private final OutputPaths paths;
  private final EgressJournal journal;
  private final EgressFinisher finisher;
  private final Map<String, Egress> live = new LinkedHashMap<>();
  private final EgressHistory history = new EgressHistory();
  private ScheduledFuture<?> drains;

  public EgressManager(
      RoomManager rooms,
      EgressSettings settings,
      OpusRuntime opus,
      Clock clock,
      LongSupplier nanoTime,
      ScheduledExecutorService scheduler,
      Executor writers,
      Executor uploads,
      S3Uploader uploader,
      EgressListener listener,
      Ids ids) {
    this.rooms = rooms;
    this.opus = opus;
    this.clock = clock;
    this.nanoTime = nanoTime;
    this.scheduler = scheduler;
    this.writers = writers;
    this.listener = listener;
    this.ids = ids;
    this.paths = new OutputPaths(settings.directory());
    this.journal = new EgressJournal(settings.journal());
    this.finisher = new EgressFinisher(journal, uploads, uploader, clock, this::publish, settings.s3());
  }

  /** Finishes what a previous run left unfinished, then starts writing recordings periodically. */
  public synchronized void start() {
    for (EgressInfo info : new EgressRecovery(journal, clock).recover(this::publish)) {
      history.add(info);
    }
    EgressWarmUp.run(journal.directory(), opus, nanoTime);
    drains = scheduler.scheduleWithFixedDelay(this::drainAll, DRAIN_MILLIS, DRAIN_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** 20 ms frames of audio that finished recordings lost because the writers fell behind. */
  public long lostFrames() {
    return finisher.lostFrames();
  }

  public OutputPaths paths() {
    return paths;
  }

  public java.util.Optional<io.switchboard.egress.s3.S3Target> defaultUpload() {
    return finisher.defaultUpload();
  }

  /**
   * Starts recording. The returned info is ACTIVE, or FAILED with the reason when the file could
   * not be created (unwritable path, full disk).
   *
   * @param request fills in the request this egress was started with (EgressInfo's request oneof)
   */
  public EgressInfo start(EgressSource source, FileTarget target, Consumer<EgressInfo.Builder> request) {
    Room room = rooms.room(source.room())
        .orElseThrow(() -> EgressException.notFound("requested room does not exist: \"" + source.room() + "\""));
    Egress.checkSource(room, source);
    long now = nanos();
    EgressInfo.Builder info = EgressInfo.newBuilder()
        .setEgressId(ids.next("EG_"))
        .setRoomId(room.sid())
        .setRoomName(room.name())
        .setSourceType(source instanceof EgressSource.RoomComposite
            ? livekit.LivekitEgress.EgressSourceType.EGRESS_SOURCE_TYPE_WEB
            : livekit.LivekitEgress.EgressSourceType.EGRESS_SOURCE_TYPE_SDK)
        .setStatus(EgressStatus.EGRESS_STARTING)
        .setUpdatedAt(now);
    request.accept(info);
    Egress egress = new Egress(info.getEgressId(), source, target, room, Egress.mapFor(source), info);
    // The tap goes on the room before the journal and webhooks are written: they take a while
    // (longest the first time), and the recording should begin when it was asked to.
    EgressInfo starting = egress.info();
    try {
      egress.recorder = Recorder.open(target.localPath(), target.format(), egress.map, opus, room.name(), nanoTime);
    } catch (IOException | RuntimeException e) {
      finisher.record(egress, starting, EgressListener.STARTED);
      log.warn("egress failed to start egress_id={} room={} file={}: {}", egress.id, room.name(), target.localPath(), e.toString());
      EgressInfo failed = egress.update(b -> b.setStatus(EgressStatus.EGRESS_FAILED)
          .setError("cannot write the recording to " + target.filename() + ": " + IoErrors.describe(e))
          .setEndedAt(nanos()).setUpdatedAt(nanos()));
      finisher.record(egress, failed, EgressListener.ENDED);
      history.add(egress);
      return failed;
    }
    egress.follow(room.participants());
    synchronized (this) {
      live.put(egress.id, egress);
    }
    room.addAudioTap(egress.recorder.tap());
    long started = nanos();
    finisher.record(egress, starting, EgressListener.STARTED);
    EgressInfo active = egress.update(b -> b.setStatus(EgressStatus.EGRESS_ACTIVE).setStartedAt(started).setUpdatedAt(started)
        .addFileResults(livekit.LivekitEgress.FileInfo.newBuilder().setFilename(target.filename()).setStartedAt(started)));
    finisher.record(egress, active, EgressListener.UPDATED);
    log.info("egress started egress_id={} room={} source={} file={}", egress.id, room.name(), source, target.localPath());
    return active;
  }

  /**
   * Records an egress that could not start (an automatic egress asking for what this server cannot
   * produce): listed as FAILED with {@code reason} in its error, and reported by egress_ended, as
   * LiveKit reports an automatic egress that fails to launch.
   */
  public EgressInfo refused(String roomName, String roomId, String reason, Consumer<EgressInfo.Builder> request) {
    long now = nanos();
    EgressInfo.Builder b = EgressInfo.newBuilder()
        .setEgressId(ids.next("EG_"))
        .setRoomId(roomId)
        .setRoomName(roomName)
        .setStatus(EgressStatus.EGRESS_FAILED)
        .setError(reason)
        .setUpdatedAt(now)
        .setEndedAt(now);
    request.accept(b);
    EgressInfo failed = b.build();
    history.add(failed);
    publish(EgressListener.ENDED, failed);
    log.warn("egress refused egress_id={} room={}: {}", failed.getEgressId(), roomName, reason);
    return failed;
  }

  /** StopEgress: ends an active egress; its file is finished (and uploaded) before it reports COMPLETE. */
  public EgressInfo stop(String egressId) {
    Egress egress;
    synchronized (this) {
      egress = live.get(egressId);
    }
    if (egress == null) {
      EgressInfo past = history.get(egressId)
          .orElseThrow(() -> EgressException.notFound("egress does not exist: \"" + egressId + "\""));
      throw new EgressException(EgressException.Kind.FAILED_PRECONDITION,
          "egress " + egressId + " is " + past.getStatus() + " and cannot be stopped");
    }
    return end(egress, "stopped by request");
  }

  /** ListEgress: by room, by id, or only the active ones; newest last. */
  public List<EgressInfo> list(String room, String egressId, boolean activeOnly) {
    List<EgressInfo> all = new ArrayList<>(history.all());
    synchronized (this) {
      live.values().forEach(e -> all.add(e.info()));
    }
    return all.stream()
        .filter(i -> room.isEmpty() || i.getRoomName().equals(room))
        .filter(i -> egressId.isEmpty() || i.getEgressId().equals(egressId))
        .filter(i -> !activeOnly || EgressStates.active(i.getStatus()))
        .sorted(java.util.Comparator.comparingLong(EgressInfo::getUpdatedAt))
        .toList();
  }

  @Override
  public void onEvent(RoomEvent event) {
    String roomName = event.room().name();
    for (Egress e : inRoom(roomName)) {
      switch (event) {
        case RoomEvent.RoomFinished f -> end(e, "the room ended");
        case RoomEvent.ParticipantLeft left -> {
          if (left.room().numParticipants() == 0) {
            end(e, "everyone left the room");
          } else if (e.source instanceof EgressSource.Participant p
              && p.identity().equals(left.participant().identity())
              && e.room.participant(p.identity()).isEmpty()) {
            end(e, "the participant left");
          } else {
            e.follow(e.room.participants());
          }
        }
        case RoomEvent.ParticipantJoined joined -> e.follow(e.room.participants());
        case RoomEvent.TrackUnpublished gone -> {
          if (e.source instanceof EgressSource.Track t && t.trackSid().equals(gone.track().sid())) {
            end(e, "the track was unpublished");
          }
        }
        default -> {}
      }
    }
  }

  private synchronized List<Egress> inRoom(String room) {
    return live.values().stream().filter(e -> e.room.name().equals(room)).toList();
  }

  /** Takes the recorder off the room, finishes the file, then completes (after any upload). */
  private EgressInfo end(Egress egress, String why) {
    synchronized (this) {
      if (live.remove(egress.id) == null) {
        return egress.info();
      }
      history.add(egress);
    }
    egress.room.removeAudioTap(egress.recorder.tap());
    egress.stoppedAt = nanoTime.getAsLong();
    long ended = nanos(); // the recording stops here; finishing the file takes a moment more
    EgressInfo ending = egress.update(b -> b.setStatus(EgressStatus.EGRESS_ENDING).setDetails(why)
        .setEndedAt(ended).setUpdatedAt(ended));
    finisher.record(egress, ending, EgressListener.UPDATED);
    log.info("egress ending egress_id={} room={}: {}", egress.id, egress.room.name(), why);
    return finisher.finish(egress);
  }

  /**
   * Writes every live recording's new audio, each on the writers' pool (a recording still busy
   * with its previous turn skips this one). A recording whose file fails is ended as FAILED.
   */
  void drainAll() {
    List<Egress> egresses;
    synchronized (this) {
      egresses = List.copyOf(live.values());
    }
    for (Egress e : egresses) {
      if (e.draining.compareAndSet(false, true)) {
        try {
          writers.execute(() -> drain(e));
        } catch (RuntimeException rejected) {
          e.draining.set(false); // shutting down
        }
      }
    }
  }

  private void drain(Egress e) {
    try {
      e.recorder.drain();
    } catch (IOException | RuntimeException failure) {
      synchronized (this) {
        if (live.remove(e.id) == null) {
          return;
        }
        history.add(e);
      }
      e.room.removeAudioTap(e.recorder.tap());
      e.recorder.abandon();
      log.warn("egress failed egress_id={} room={}: {}", e.id, e.room.name(), failure.toString());
      finisher.fail(e, "writing the recording to " + e.target.filename() + " failed: " + IoErrors.describe(failure));
    } finally {
      e.draining.set(false);
    }
  }

  private void publish(String event, EgressInfo info) {
    try {
      listener.onEgress(event, info);
    } catch (RuntimeException e) {
      log.warn("egress listener failed on {} for {}", event, info.getEgressId(), e);
    }
  }

  private long nanos() {
    var now = clock.instant();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }


  /** Ends every recording (the server is shutting down) so each file is complete and playable. */
  @Override
  public void close() {
    if (drains != null) {
      drains.cancel(false);
    }
    List<Egress> egresses;
    synchronized (this) {
      egresses = List.copyOf(live.values());
    }
    egresses.forEach(e -> end(e, "the server shut down"));
  }
}
