package io.switchboard.sfu.api;

import static io.switchboard.sfu.api.ApiFixture.admin;
import static io.switchboard.sfu.api.ApiFixture.error;
import static io.switchboard.sfu.api.ApiFixture.reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.InvalidProtocolBufferException;
import io.switchboard.sfu.room.DataMessage;
import io.switchboard.sfu.room.DataPacket;
import io.switchboard.sfu.room.LocalParticipant;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.ParticipantListener;
import io.switchboard.sfu.room.ParticipantSpec;
import io.switchboard.sfu.room.RoomOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import livekit.LivekitModels;
import livekit.LivekitRoom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * RoomService PerformRpc against a participant that answers as LiveKit's client SDKs do: an
 * RpcAck, then an RpcResponse, both addressed to the request's sender identity.
 */
class PerformRpcApiTest {
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final ApiFixture api = new ApiFixture(scheduler);
  private final List<LivekitModels.DataPacket> requests = new ArrayList<>();

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  /** How the fake client answers one request. */
  private enum Answer { UPPERCASE, UNSUPPORTED_METHOD, ACK_ONLY, ACK_AND_LEAVE, SILENT }

  private LocalParticipant client(String identity, Answer answer) {
    LocalParticipant[] self = new LocalParticipant[1];
    self[0] = api.rooms.getOrCreate("r", RoomOptions.UNSET).join(
        new ParticipantSpec(identity, "", ParticipantKind.STANDARD, "", Map.of()),
        new ParticipantListener() {
          @Override
          public void onData(DataPacket packet) {
            if (!(packet.value() instanceof DataMessage.Forwarded f)) {
              return;
            }
            LivekitModels.DataPacket in;
            try {
              in = LivekitModels.DataPacket.parseFrom(f.packet());
            } catch (InvalidProtocolBufferException e) {
              throw new AssertionError(e);
            }
            requests.add(in);
            if (!in.hasRpcRequest() || answer == Answer.SILENT) {
              return;
            }
            String caller = in.getParticipantIdentity();
            String id = in.getRpcRequest().getId();
            send(self[0], caller, LivekitModels.DataPacket.newBuilder()
                .setRpcAck(LivekitModels.RpcAck.newBuilder().setRequestId(id)));
            var response = LivekitModels.RpcResponse.newBuilder().setRequestId(id);
            switch (answer) {
              case UPPERCASE -> response.setPayload(in.getRpcRequest().getPayload().toUpperCase(Locale.ROOT));
              case UNSUPPORTED_METHOD -> response.setError(
                  LivekitModels.RpcError.newBuilder().setCode(1400).setMessage("Method not supported at destination"));
              case ACK_AND_LEAVE -> {
                self[0].leave(io.switchboard.sfu.room.DisconnectReason.CLIENT_INITIATED);
                return;
              }
              case ACK_ONLY, SILENT -> { return; }
            }
            send(self[0], caller, LivekitModels.DataPacket.newBuilder().setRpcResponse(response));
          }
        });
    return self[0];
  }

  private static void send(LocalParticipant from, String to, LivekitModels.DataPacket.Builder packet) {
    byte[] bytes = packet.setParticipantIdentity(from.info().identity()).addDestinationIdentities(to).build().toByteArray();
    from.publishData(new DataMessage.Forwarded(bytes), DataPacket.Kind.RELIABLE, List.of(to));
  }

  private static String rpc(String identity, String method, String payload, int timeoutMs) {
    return "{\"room\":\"r\",\"destination_identity\":\"" + identity + "\",\"method\":\"" + method
        + "\",\"payload\":\"" + payload + "\",\"response_timeout_ms\":" + timeoutMs + "}";
  }

  @Test
  void theParticipantsReplyComesBackAsThePayload() throws Exception {
    client("agent", Answer.UPPERCASE);
    LivekitRoom.PerformRpcResponse reply =
        reply(api.call("PerformRpc", rpc("agent", "shout", "hello there", 0), admin("r")),
            LivekitRoom.PerformRpcResponse.newBuilder());

    assertEquals("HELLO THERE", reply.getPayload());
    LivekitModels.DataPacket sent = requests.get(0);
    assertEquals("shout", sent.getRpcRequest().getMethod());
    assertEquals(10_000, sent.getRpcRequest().getResponseTimeoutMs(), "LiveKit's default response timeout");
    assertEquals(1, sent.getRpcRequest().getVersion());
    assertEquals(sent.getRpcRequest().getId(), sent.getParticipantIdentity(), "the request id is the caller identity");
  }

  @Test
  void theParticipantsRpcErrorIsReportedWithItsCode() throws Exception {
    client("agent", Answer.UNSUPPORTED_METHOD);
    var refused = error(api.call("PerformRpc", rpc("agent", "nope", "x", 0), admin("r")), 400);

    assertEquals("invalid_argument", refused.get("code"));
    assertEquals("RpcError 1400: Method not supported at destination", refused.get("msg"));
  }

  @Test
  void aResponseThatNeverComesTimesOut() throws Exception {
    client("agent", Answer.ACK_ONLY);
    var late = error(api.call("PerformRpc", rpc("agent", "slow", "x", 100), admin("r")), 408);

    assertEquals("canceled", late.get("code"));
    assertEquals("RpcError 1502: Response timeout", late.get("msg"));
  }

  @Test
  void aParticipantLeavingBeforeItAnswersFailsTheCallAtOnce() throws Exception {
    client("agent", Answer.ACK_AND_LEAVE);
    var gone = error(api.call("PerformRpc", rpc("agent", "m", "x", 60_000), admin("r")), 503);

    assertEquals("unavailable", gone.get("code"));
    assertEquals("RpcError 1503: Recipient disconnected", gone.get("msg"));
  }

  @Test
  void aParticipantThatNeverAcknowledgesFailsWithConnectionTimeout() throws Exception {
    client("phone", Answer.SILENT);
    var silent = error(api.call("PerformRpc", rpc("phone", "any", "x", 0), admin("r")), 408);

    assertEquals("RpcError 1501: Connection timeout", silent.get("msg"));
  }

  @Test
  void badRequestsAreRefusedBeforeAnythingIsSent() throws Exception {
    client("agent", Answer.UPPERCASE);
    var nobody = error(api.call("PerformRpc", rpc("ghost", "m", "x", 0), admin("r")), 404);
    var noRoom = error(api.call("PerformRpc",
        "{\"room\":\"zz\",\"destination_identity\":\"agent\",\"method\":\"m\"}", admin("zz")), 404);
    var noIdentity = error(api.call("PerformRpc", rpc("", "m", "x", 0), admin("r")), 400);
    var noGrant = error(api.call("PerformRpc", rpc("agent", "m", "x", 0), admin("other")), 401);
    var tooBig = error(api.call("PerformRpc", rpc("agent", "m", "x".repeat(15 * 1024 + 1), 0), admin("r")), 400);

    assertEquals("not_found", nobody.get("code"));
    assertTrue(nobody.get("msg").contains("\"ghost\""), nobody.get("msg"));
    assertTrue(noRoom.get("msg").contains("\"zz\""), noRoom.get("msg"));
    assertEquals("destination identity is required", noIdentity.get("msg"));
    assertEquals("unauthenticated", noGrant.get("code"));
    assertEquals("malformed", tooBig.get("code"));
    assertEquals("RpcError 1402: Request payload too large", tooBig.get("msg"));
    assertTrue(requests.isEmpty(), "nothing reached the participant");
  }
}
