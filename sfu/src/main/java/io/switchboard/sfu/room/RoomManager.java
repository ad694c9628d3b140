package io.switchboard.sfu.room;

import io.switchboard.sfu.concurrent.SerialExecutor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All rooms of this process. Rooms are created on demand (dispatch, a join, CreateRoom) and closed
 * when they outlive their empty or departure timeout. A media clock ticks every room every 20 ms
 * on the media executor; events go out in order on the event executor.
 */
public final class RoomManager implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RoomManager.class);

  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final Executor mediaExecutor;
  private final SerialExecutor eventQueue;
  private final RoomOptions defaults;
  private final Ids ids;
  private final Map<String, Room> rooms = new ConcurrentHashMap<>();
  private final Map<String, AtomicBoolean> ticking = new ConcurrentHashMap<>();
  private final List<RoomEventListener> listeners = new CopyOnWriteArrayList<>();
  private final List<ScheduledFuture<?>> timers = new ArrayList<>();

  public RoomManager(
      Clock clock,
      ScheduledExecutorService scheduler,
      Executor mediaExecutor,
      Executor eventExecutor,
      RoomOptions defaults,
      RandomGenerator random) {
    this.clock = clock;
    this.scheduler = scheduler;
    this.mediaExecutor = mediaExecutor;
    this.eventQueue = new SerialExecutor(eventExecutor);
    this.defaults = defaults;
    this.ids = new Ids(random);
  }

  /** Starts the 20 ms media clock and the once-a-second idle sweep. */
  public synchronized void start() {
    timers.add(scheduler.scheduleAtFixedRate(this::tickAll, 20, 20, TimeUnit.MILLISECONDS));
    timers.add(scheduler.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.SECONDS));
  }

  public void addListener(RoomEventListener listener) {
    listeners.add(listener);
  }

  /** The room called {@code name}, created with {@code options} if it does not exist. */
  public Room getOrCreate(String name, RoomOptions options) {
    return getOrCreate(name, options, created -> {});
  }

  /**
   * As {@link #getOrCreate(String, RoomOptions)}; {@code whenCreated} runs (on this thread, after
   * RoomStarted was published) only if this call created the room, e.g. to dispatch the agents of
   * the configuration that created it ({@link RoomConfigHooks}).
   */
  public Room getOrCreate(String name, RoomOptions options, java.util.function.Consumer<Room> whenCreated) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("room name must not be empty");
    }
    boolean[] created = {false};
    Room room =
        rooms.computeIfAbsent(
            name,
            n -> {
              created[0] = true;
              return new Room(
                  ids.next("RM_"),
                  n,
                  options.resolve(defaults),
                  clock,
                  ids,
                  eventQueue::execute,
                  this::publish);
            });
    if (created[0]) {
      log.info("room started room={} sid={}", name, room.sid());
      publish(new RoomEvent.RoomStarted(room.info()));
      whenCreated.accept(room);
    }
    return room;
  }

  public Optional<Room> room(String name) {
    return Optional.ofNullable(rooms.get(name));
  }

  public List<Room> rooms() {
    return List.copyOf(rooms.values());
  }

  /** Deletes a room, disconnecting everyone in it with ROOM_DELETED. */
  public boolean delete(String name) {
    return close(name, DisconnectReason.ROOM_DELETED);
  }

  private boolean close(String name, DisconnectReason reason) {
    Room room = rooms.remove(name);
    if (room == null) {
      return false;
    }
    ticking.remove(name);
    room.close(reason);
    log.info("room finished room={} reason={}", name, reason);
    publish(new RoomEvent.RoomFinished(room.info()));
    return true;
  }

  /** Ticks every room once; a room still busy with its previous tick skips this one. */
  public void tickAll() {
    for (Room room : rooms.values()) {
      AtomicBoolean busy = ticking.computeIfAbsent(room.name(), n -> new AtomicBoolean());
      if (busy.compareAndSet(false, true)) {
        mediaExecutor.execute(
            () -> {
              try {
                room.tick();
              } catch (RuntimeException e) {
                log.error("media tick failed room={}", room.name(), e);
              } finally {
                busy.set(false);
              }
            });
      }
    }
  }

  /** Closes rooms that outlived their empty or departure timeout. */
  public void sweep() {
    var now = clock.instant();
    for (Room room : rooms.values()) {
      if (room.idleExpired(now)) {
        close(room.name(), DisconnectReason.ROOM_CLOSED);
      }
    }
  }

  private void publish(RoomEvent event) {
    eventQueue.execute(
        () -> {
          for (RoomEventListener l : listeners) {
            l.onEvent(event);
          }
        });
  }

  @Override
  public synchronized void close() {
    timers.forEach(t -> t.cancel(false));
    timers.clear();
    for (Room room : rooms()) {
      close(room.name(), DisconnectReason.SERVER_SHUTDOWN);
    }
  }
}
