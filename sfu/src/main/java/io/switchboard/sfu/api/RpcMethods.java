package io.switchboard.sfu.api;

import io.switchboard.protocol.twirp.TwirpErrorCode;
import io.switchboard.protocol.twirp.TwirpException;
import io.switchboard.sfu.room.DataMessage;
import io.switchboard.sfu.room.DataPacket;
import io.switchboard.sfu.room.Room;
import io.switchboard.sfu.room.RoomEvent;
import io.switchboard.sfu.room.RoomManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import livekit.LivekitRoom.PerformRpcRequest;
import livekit.LivekitRoom.PerformRpcResponse;

/**
 * RoomService PerformRpc: the server calls a method a participant registered ({@code
 * registerRpcMethod} in the client SDKs) and answers with its reply, with LiveKit's limits: a
 * 15 KiB payload, a 10 s response timeout unless the request sets one, and a 2 s wait for the
 * client's ack; a participant leaving meanwhile fails the call at once. The reply is waited for on the calling thread (Twirp calls run on virtual
 * threads); the timers run on the scheduler. Grants are checked by the caller.
 */
final class RpcMethods {
  /** LiveKit's {@code DataChannelRpcMaxPayloadBytes}. */
  static final int MAX_PAYLOAD_BYTES = 15 * 1024;
  /** LiveKit's {@code DataChannelRpcDefaultResponseTimeout}. */
  static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(10);
  /** LiveKit's {@code DataChannelRpcMaxRoundTripLatency}: how long the client has to acknowledge. */
  static final Duration ACK_TIMEOUT = Duration.ofSeconds(2);

  private final RoomManager rooms;
  private final ScheduledExecutorService timers;
  /** Calls waiting for their participant, so that its leaving fails them at once (LiveKit's 1503). */
  private final Set<Waiting> waiting = ConcurrentHashMap.newKeySet();

  private record Waiting(String room, String identity, RpcCall call) {}

  RpcMethods(RoomManager rooms, ScheduledExecutorService timers) {
    this.rooms = rooms;
    this.timers = timers;
    rooms.addListener(event -> {
      if (event instanceof RoomEvent.ParticipantLeft left && !waiting.isEmpty()) {
        for (Waiting w : waiting) {
          if (w.room().equals(left.room().name()) && w.identity().equals(left.participant().identity())) {
            w.call().fail(RpcErrors.builtIn(RpcErrors.RECIPIENT_DISCONNECTED));
          }
        }
      }
    });
  }

  PerformRpcResponse perform(PerformRpcRequest request) {
    String name = RoomApiErrors.requireName(request.getRoom(), "room");
    String destination = request.getDestinationIdentity();
    if (destination.isEmpty()) {
      throw TwirpException.of(TwirpErrorCode.INVALID_ARGUMENT, "destination identity is required");
    }
    String method = RoomApiErrors.requireName(request.getMethod(), "method");
    Room room = rooms.room(name).orElseThrow(() -> RoomApiErrors.roomNotFound(name));
    if (room.participant(destination).isEmpty()) {
      throw RoomApiErrors.participantNotFound(name, destination);
    }
    if (request.getPayload().getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
      throw RpcErrors.builtIn(RpcErrors.REQUEST_PAYLOAD_TOO_LARGE);
    }
    long timeoutMs = request.getResponseTimeoutMs() > 0
        ? request.getResponseTimeoutMs()
        : DEFAULT_RESPONSE_TIMEOUT.toMillis();
    RpcCall call = new RpcCall(UUID.randomUUID().toString(), destination);
    Runnable unwatch = room.watchData(call::onPacket);
    Waiting waits = new Waiting(name, destination, call);
    waiting.add(waits);
    try {
      Future<?> ack = timers.schedule(
          () -> call.fail(RpcErrors.builtIn(RpcErrors.CONNECTION_TIMEOUT)), ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      Future<?> response = timers.schedule(
          () -> call.fail(RpcErrors.builtIn(RpcErrors.RESPONSE_TIMEOUT)), timeoutMs, TimeUnit.MILLISECONDS);
      call.timers(ack, response);
      byte[] packet = call.request(method, request.getPayload(), (int) timeoutMs);
      if (room.sendData(new DataMessage.Forwarded(packet), DataPacket.Kind.RELIABLE, List.of(destination), List.of()) == 0) {
        call.fail(RoomApiErrors.participantNotFound(name, destination)); // it left meanwhile
      }
      return PerformRpcResponse.newBuilder().setPayload(call.result().get()).build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw TwirpException.of(TwirpErrorCode.CANCELED, "PerformRpc interrupted while waiting for \"" + destination + "\"");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TwirpException twirp) {
        throw twirp;
      }
      throw TwirpException.internal("PerformRpc failed", e.getCause());
    } finally {
      waiting.remove(waits);
      unwatch.run();
      call.fail(RpcErrors.builtIn(RpcErrors.SEND_FAILED)); // no-op once answered; stops the timers otherwise
    }
  }
}
