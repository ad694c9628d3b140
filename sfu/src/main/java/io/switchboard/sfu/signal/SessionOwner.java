package io.switchboard.sfu.signal;

import io.switchboard.sfu.data.ParticipantData;
import io.switchboard.sfu.room.DataPacket;
import io.switchboard.sfu.room.DisconnectReason;
import io.switchboard.sfu.room.LocalParticipant;
import io.switchboard.sfu.room.MovableParticipant;
import io.switchboard.sfu.room.Room;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A session's side of its participant, as the room calls it: disconnects and moves are handed to
 * the session's serial executor (in order with its signalling), data goes straight to the
 * client's data channels.
 */
final class SessionOwner implements MovableParticipant {
  static final Duration MOVE_TIMEOUT = Duration.ofSeconds(10);

  private final Executor queue;
  private final Consumer<DisconnectReason> disconnected;
  private final Supplier<ParticipantData> data;
  private final BiFunction<Room, MovableParticipant, LocalParticipant> move;

  /**
   * @param disconnected runs on {@code queue} when the room removes the participant
   * @param data the client's data channels, null until they are set up
   * @param move runs on {@code queue}: moves the session into the room, joining it with this owner
   */
  SessionOwner(
      Executor queue,
      Consumer<DisconnectReason> disconnected,
      Supplier<ParticipantData> data,
      BiFunction<Room, MovableParticipant, LocalParticipant> move) {
    this.queue = queue;
    this.disconnected = disconnected;
    this.data = data;
    this.move = move;
  }

  @Override
  public void onDisconnected(DisconnectReason reason) {
    queue.execute(() -> disconnected.accept(reason));
  }

  @Override
  public void onData(DataPacket packet) {
    ParticipantData d = data.get();
    if (d != null) {
      d.deliver(packet);
    }
  }

  /** Runs the move on the session's executor and waits for it (RoomService answers after it). */
  @Override
  public LocalParticipant moveTo(Room destination) {
    CompletableFuture<LocalParticipant> moved = new CompletableFuture<>();
    queue.execute(() -> {
      try {
        moved.complete(move.apply(destination, this));
      } catch (RuntimeException e) {
        moved.completeExceptionally(e);
      }
    });
    try {
      return moved.get(MOVE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("the client's session did not take the move within " + MOVE_TIMEOUT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while moving to " + destination.name());
    }
  }
}
