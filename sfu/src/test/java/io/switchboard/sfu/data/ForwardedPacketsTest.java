package io.switchboard.sfu.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.ByteString;
import io.switchboard.sfu.room.DataMessage;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import livekit.LivekitModels;
import org.junit.jupiter.api.Test;

class ForwardedPacketsTest {
  @Test
  void aClientsUserPacketReadsAsTheRoomsUserMessage() {
    byte[] packet = LivekitModels.DataPacket.newBuilder().setParticipantIdentity("alice")
        .setUser(LivekitModels.UserPacket.newBuilder().setPayload(ByteString.copyFromUtf8("hi")).setTopic("chat")
            .setId("m1"))
        .build().toByteArray();
    assertEquals(Optional.of(new DataMessage.User("hi".getBytes(StandardCharsets.UTF_8), "chat")),
        ForwardedPackets.user(new DataMessage.Forwarded(packet)));
  }

  @Test
  void otherPacketsHaveNoUserMessage() {
    byte[] rpc = LivekitModels.DataPacket.newBuilder()
        .setRpcAck(LivekitModels.RpcAck.newBuilder().setRequestId("r1")).build().toByteArray();
    assertEquals(Optional.empty(), ForwardedPackets.user(new DataMessage.Forwarded(rpc)));
  }
}
