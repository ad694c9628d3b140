package io.switchboard.server.e2e.sipp;

import io.switchboard.sfu.room.ParticipantInfo;
import io.switchboard.sfu.room.Room;
import io.switchboard.sfu.room.RoomEvent;
import io.switchboard.sfu.room.RoomManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Watches the server's rooms the way a webhook consumer would: every room event in order, and
 * waits on room state that re-checks whenever an event arrives (no sleeping, no polling
 * interval), up to a deadline.
 */
final class RoomWatch {
  /**
   * Generous: a call answered only once an in-process agent listens waits for its models to load,
   * which takes tens of seconds on a busy machine. A passing test never waits for it.
   */
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  private final RoomManager rooms;
  private final List<RoomEvent> events = new ArrayList<>();

  RoomWatch(RoomManager rooms) {
    this.rooms = rooms;
    rooms.addListener(this::record);
  }

  private synchronized void record(RoomEvent event) {
    events.add(event);
    notifyAll();
  }

  synchronized List<RoomEvent> events() {
    return List.copyOf(events);
  }

  /** Names of the rooms that were ever started. */
  synchronized List<String> startedRooms() {
    return events.stream().filter(e -> e instanceof RoomEvent.RoomStarted).map(e -> e.room().name()).toList();
  }

  /** The participant once it is in {@code room} and {@code ready} holds for it. */
  ParticipantInfo awaitParticipant(String room, String identity, String what, Ready ready) throws InterruptedException {
    return await(what + ": " + identity + " in " + room, () -> participant(room, identity).filter(ready::test));
  }

  /**
   * The first snapshot of {@code identity} in {@code room}'s events for which {@code ready} holds,
   * even if it has left since: for a caller whose scenario hangs up on its own.
   */
  ParticipantInfo awaitSeen(String room, String identity, String what, Ready ready) throws InterruptedException {
    return await(what + ": " + identity + " seen in " + room,
        () -> history(room, identity).stream().filter(ready::test).findFirst());
  }

  /** Waits until {@code identity} is no longer in {@code room}, and returns how it left. */
  RoomEvent.ParticipantLeft awaitLeft(String room, String identity) throws InterruptedException {
    return await(identity + " leaves " + room, () -> left(room, identity));
  }

  /** The first started room whose name matches {@code regex}. */
  String awaitRoomNamed(String regex) throws InterruptedException {
    return await("a room named like " + regex,
        () -> startedRooms().stream().filter(name -> name.matches(regex)).findFirst());
  }

  /** Every snapshot of {@code identity} the events carried, in order. */
  synchronized List<ParticipantInfo> history(String room, String identity) {
    List<ParticipantInfo> out = new ArrayList<>();
    for (RoomEvent event : events) {
      if (!event.room().name().equals(room)) {
        continue;
      }
      ParticipantInfo p = switch (event) {
        case RoomEvent.ParticipantJoined joined -> joined.participant();
        case RoomEvent.ParticipantUpdated updated -> updated.participant();
        case RoomEvent.ParticipantLeft left -> left.participant();
        case RoomEvent.TrackPublished published -> published.participant();
        case RoomEvent.TrackUnpublished unpublished -> unpublished.participant();
        case RoomEvent.RoomStarted s -> null;
        case RoomEvent.RoomFinished f -> null;
        case RoomEvent.RoomMetadataChanged m -> null;
        case RoomEvent.SubscriberConnected c -> null;
        case RoomEvent.TrackSubscribed t -> null;
      };
      if (p != null && p.identity().equals(identity)) {
        out.add(p);
      }
    }
    return out;
  }

  private Optional<ParticipantInfo> participant(String room, String identity) {
    return rooms.room(room).flatMap(r -> r.participant(identity));
  }

  private synchronized Optional<RoomEvent.ParticipantLeft> left(String room, String identity) {
    boolean stillIn = rooms.room(room).flatMap((Room r) -> r.participant(identity)).isPresent();
    if (stillIn) {
      return Optional.empty();
    }
    return events.stream()
        .filter(e -> e instanceof RoomEvent.ParticipantLeft l && l.room().name().equals(room)
            && l.participant().identity().equals(identity))
        .map(e -> (RoomEvent.ParticipantLeft) e)
        .reduce((first, second) -> second);
  }

  private synchronized <T> T await(String what, Supplier<Optional<T>> check) throws InterruptedException {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (true) {
      Optional<T> found = check.get();
      if (found.isPresent()) {
        return found.get();
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("gave up after " + DEADLINE.toSeconds() + " s waiting for " + what
            + "; room events so far:\n" + describe(events));
      }
      // Woken by every room event; room state only changes with one.
      wait(Math.max(1, left / 1_000_000));
    }
  }

  private static String describe(List<RoomEvent> events) {
    StringBuilder sb = new StringBuilder();
    for (RoomEvent e : events) {
      sb.append("  ").append(e).append('\n');
    }
    return sb.toString();
  }

  /** A condition on a participant snapshot. */
  @FunctionalInterface
  interface Ready {
    boolean test(ParticipantInfo participant);

    static Ready callStatus(String status) {
      return p -> status.equals(p.attributes().get("sip.callStatus"));
    }
  }
}
