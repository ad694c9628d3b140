package io.switchboard.sfu.api;

import com.google.protobuf.InvalidProtocolBufferException;
import io.switchboard.protocol.twirp.TwirpException;
import io.switchboard.sfu.room.DataMessage;
import io.switchboard.sfu.room.DataPacket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import livekit.LivekitModels;

/**
 * One RPC the server makes to a participant, as LiveKit's {@code ParticipantImpl.PerformRpc}
 * does: the request goes out with the request id as the sender identity, so the client's ack and
 * response come back addressed to that id, which no participant has. Without an ack within the
 * connection timeout the call fails; without a response within the response timeout it fails.
 * Completed once; later packets and timers are ignored.
 */
final class RpcCall {
  private final String id;
  private final String destination;
  private final CompletableFuture<String> result = new CompletableFuture<>();
  private volatile Future<?> ackTimer;
  private volatile Future<?> responseTimer;

  RpcCall(String id, String destination) {
    this.id = id;
    this.destination = destination;
  }

  String id() {
    return id;
  }

  CompletableFuture<String> result() {
    return result;
  }

  void timers(Future<?> ack, Future<?> response) {
    this.ackTimer = ack;
    this.responseTimer = response;
  }

  /** The request as a DataPacket ready for the destination's data channel. */
  byte[] request(String method, String payload, int responseTimeoutMs) {
    return LivekitModels.DataPacket.newBuilder()
        .setKind(LivekitModels.DataPacket.Kind.RELIABLE)
        .setParticipantIdentity(id)
        .addDestinationIdentities(destination)
        .setRpcRequest(LivekitModels.RpcRequest.newBuilder()
            .setId(id).setMethod(method).setPayload(payload)
            .setResponseTimeoutMs(responseTimeoutMs).setVersion(1))
        .build()
        .toByteArray();
  }

  /** Reads a packet someone in the room sent; acts on the destination's ack and response to this call. */
  void onPacket(DataPacket packet) {
    if (!(packet.value() instanceof DataMessage.Forwarded forwarded)
        || !packet.destinationIdentities().contains(id)
        || !packet.participantIdentity().equals(destination)) {
      return;
    }
    LivekitModels.DataPacket decoded;
    try {
      decoded = LivekitModels.DataPacket.parseFrom(forwarded.packet());
    } catch (InvalidProtocolBufferException e) {
      return;
    }
    switch (decoded.getValueCase()) {
      case RPC_ACK -> {
        if (decoded.getRpcAck().getRequestId().equals(id)) {
          cancel(ackTimer);
        }
      }
      case RPC_RESPONSE -> {
        if (decoded.getRpcResponse().getRequestId().equals(id)) {
          respond(decoded.getRpcResponse());
        }
      }
      default -> { }
    }
  }

  void fail(TwirpException error) {
    if (result.completeExceptionally(error)) {
      cancel(ackTimer);
      cancel(responseTimer);
    }
  }

  private void respond(LivekitModels.RpcResponse response) {
    cancel(ackTimer); // a response is an ack too (LiveKit resolves both)
    switch (response.getValueCase()) {
      case PAYLOAD -> {
        if (result.complete(response.getPayload())) {
          cancel(responseTimer);
        }
      }
      case ERROR -> {
        LivekitModels.RpcError e = response.getError();
        fail(RpcErrors.of(e.getCode(), e.getMessage(), e.getData()));
      }
      case COMPRESSED_PAYLOAD -> fail(TwirpException.unimplemented(
          "RpcResponse from \"" + destination + "\" has a compressed_payload, which this server cannot read"));
      case VALUE_NOT_SET -> fail(RpcErrors.of(RpcErrors.APPLICATION_ERROR, "empty RpcResponse", ""));
    }
  }

  private static void cancel(Future<?> timer) {
    if (timer != null) {
      timer.cancel(false);
    }
  }
}
