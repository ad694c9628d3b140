package io.switchboard.sfu.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.switchboard.sfu.room.DataPacket.Kind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import livekit.LivekitModels;
import livekit.LivekitModels.DataPacket;
import livekit.LivekitModels.UserPacket;
import org.junit.jupiter.api.Test;

/** Client packets as LiveKit's SDKs encode them (protobuf-java's LiveKit classes), stamped as LiveKit's server does. */
class ClientPacketsTest {
  private final ClientPackets alice = new ClientPackets("alice", "PA_alice", false);

  private static byte[] userPacket(String claimedIdentity, int sequence, String... destinations) {
    return DataPacket.newBuilder()
        .setParticipantIdentity(claimedIdentity)
        .setParticipantSid("PA_forged")
        .addAllDestinationIdentities(List.of(destinations))
        .setSequence(sequence)
        .setUser(UserPacket.newBuilder()
            .setParticipantIdentity(claimedIdentity)
            .setPayload(ByteString.copyFromUtf8("hello"))
            .setTopic("chat")
            .setNonce(ByteString.copyFrom(new byte[] {1, 2, 3})))
        .build().toByteArray();
  }

  @Test
  void userPacketsCarryTheSendersIdentityWhateverTheClientClaims() throws Exception {
    assertEquals(ClientPackets.Outcome.FORWARD, alice.read(userPacket("mallory", 1, "bob"), Kind.RELIABLE));
    DataPacket out = DataPacket.parseFrom(alice.stamped());
    assertEquals("alice", out.getParticipantIdentity());
    assertEquals("PA_alice", out.getParticipantSid());
    assertEquals("alice", out.getUser().getParticipantIdentity());
    assertEquals("PA_alice", out.getUser().getParticipantSid());
    assertEquals("hello", out.getUser().getPayload().toStringUtf8());
    assertEquals("chat", out.getUser().getTopic());
    assertArrayEquals(new byte[] {1, 2, 3}, out.getUser().getNonce().toByteArray(), "fields we do not read are kept");
    assertEquals(List.of("bob"), out.getDestinationIdentitiesList());
    assertEquals(1, out.getSequence());
    assertEquals(DataPacket.Kind.RELIABLE, out.getKind());
    assertEquals(List.of("bob"), alice.destinations());
  }

  @Test
  void theChannelDecidesTheKind() throws Exception {
    byte[] claimsReliable = DataPacket.newBuilder().setKind(DataPacket.Kind.RELIABLE)
        .setUser(UserPacket.newBuilder().setPayload(ByteString.copyFromUtf8("x"))).build().toByteArray();
    alice.read(claimsReliable, Kind.LOSSY);
    assertEquals(DataPacket.Kind.LOSSY, DataPacket.parseFrom(alice.stamped()).getKind());
  }

  @Test
  void reliablePacketsWhoseSequenceGoesBackAreDropped() {
    assertEquals(ClientPackets.Outcome.FORWARD, alice.read(userPacket("alice", 5), Kind.RELIABLE));
    assertEquals(ClientPackets.Outcome.DROP, alice.read(userPacket("alice", 5), Kind.RELIABLE), "a repeat");
    assertEquals(ClientPackets.Outcome.DROP, alice.read(userPacket("alice", 4), Kind.RELIABLE), "older");
    assertEquals(ClientPackets.Outcome.FORWARD, alice.read(userPacket("alice", 3), Kind.LOSSY), "lossy: no sequence rule");
    assertEquals(ClientPackets.Outcome.FORWARD, alice.read(userPacket("alice", 6), Kind.RELIABLE));
    assertEquals(ClientPackets.Outcome.FORWARD, alice.read(userPacket("alice", 0), Kind.RELIABLE), "0: no sequence");
  }

  @Test
  void destinationsInsideTheUserPacketAddressItToo() {
    byte[] old = DataPacket.newBuilder().setUser(UserPacket.newBuilder()
        .setPayload(ByteString.copyFromUtf8("x")).addDestinationIdentities("bob").addDestinationIdentities("carol"))
        .build().toByteArray();
    alice.read(old, Kind.RELIABLE);
    assertEquals(List.of("bob", "carol"), alice.destinations());
  }

  @Test
  void sipDtmfIsReadForTheRoom() {
    byte[] dtmf = DataPacket.newBuilder().addDestinationIdentities("sip_caller")
        .setSipDtmf(LivekitModels.SipDTMF.newBuilder().setCode(11).setDigit("#")).build().toByteArray();
    assertEquals(ClientPackets.Outcome.SIP_DTMF, alice.read(dtmf, Kind.RELIABLE));
    assertEquals(11, alice.dtmfCode());
    assertEquals("#", alice.dtmfDigit());
    assertEquals(List.of("sip_caller"), alice.destinations());
  }

  @Test
  void streamsAndRpcPassThroughStampedButOtherwiseUnchanged() throws Exception {
    DataPacket chunk = DataPacket.newBuilder().setParticipantIdentity("alice").setSequence(9)
        .setStreamChunk(LivekitModels.DataStream.Chunk.newBuilder().setStreamId("s1").setChunkIndex(3)
            .setContent(ByteString.copyFrom(new byte[300])))
        .build();
    assertEquals(ClientPackets.Outcome.FORWARD, alice.read(chunk.toByteArray(), Kind.RELIABLE));
    assertEquals(chunk.toBuilder().setParticipantSid("PA_alice").build(), DataPacket.parseFrom(alice.stamped()));
    DataPacket rpc = DataPacket.newBuilder().addDestinationIdentities("agent")
        .setRpcRequest(LivekitModels.RpcRequest.newBuilder().setId("r1").setMethod("greet").setPayload("{}"))
        .build();
    alice.read(rpc.toByteArray(), Kind.RELIABLE);
    assertEquals(rpc.toBuilder().setParticipantIdentity("alice").setParticipantSid("PA_alice").build(),
        DataPacket.parseFrom(alice.stamped()));
  }

  @Test
  void metricsAreNeverForwardedAndTranscriptionsOnlyFromAgents() {
    byte[] metrics = DataPacket.newBuilder().setMetrics(livekit.LivekitMetrics.MetricsBatch.newBuilder().setTimestampMs(1))
        .build().toByteArray();
    byte[] transcription = DataPacket.newBuilder()
        .setTranscription(LivekitModels.Transcription.newBuilder().setTrackId("TR_1")).build().toByteArray();
    assertEquals(ClientPackets.Outcome.DROP, alice.read(metrics, Kind.RELIABLE));
    assertEquals(ClientPackets.Outcome.DROP, alice.read(transcription, Kind.RELIABLE));
    ClientPackets agent = new ClientPackets("agent", "PA_agent", true);
    assertEquals(ClientPackets.Outcome.FORWARD, agent.read(transcription, Kind.RELIABLE));
  }

  @Test
  void hiddenParticipantsSendWithoutIdentity() throws Exception {
    ClientPackets hidden = new ClientPackets("", "", false);
    hidden.read(userPacket("spy", 1), Kind.RELIABLE);
    DataPacket out = DataPacket.parseFrom(hidden.stamped());
    assertEquals("", out.getParticipantIdentity());
    assertEquals("", out.getUser().getParticipantIdentity());
    assertEquals("", out.getParticipantSid());
  }

  @Test
  void bytesThatAreNotADataPacketAreRefusedWithAReason() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> alice.read("{\"hello\":1}".getBytes(StandardCharsets.UTF_8), Kind.RELIABLE));
    assertTrue(e.getMessage().startsWith("not a LiveKit DataPacket"), e.getMessage());
    byte[] truncated = userPacket("alice", 1);
    assertThrows(IllegalArgumentException.class,
        () -> alice.read(java.util.Arrays.copyOf(truncated, truncated.length - 2), Kind.RELIABLE));
  }

  @Test
  void anAgentMayTranscribeAsTheUserItHeard() throws Exception {
    ClientPackets agent = new ClientPackets("agent", "PA_agent", true);
    DataPacket transcript = DataPacket.newBuilder().setParticipantIdentity("alice")
        .setStreamHeader(LivekitModels.DataStream.Header.newBuilder().setStreamId("s1").setTopic("lk.transcription")
            .setTextHeader(LivekitModels.DataStream.TextHeader.newBuilder().setGenerated(true)))
        .build();
    agent.read(transcript.toByteArray(), Kind.RELIABLE);
    assertEquals(transcript.toBuilder().setParticipantSid("PA_agent").build(), DataPacket.parseFrom(agent.stamped()));

    DataPacket chat = DataPacket.newBuilder().setParticipantIdentity("alice")
        .setChatMessage(LivekitModels.ChatMessage.newBuilder().setId("c1").setMessage("hi")).build();
    agent.read(chat.toByteArray(), Kind.RELIABLE);
    assertEquals("alice", DataPacket.parseFrom(agent.stamped()).getParticipantIdentity());
    alice.read(chat.toBuilder().setParticipantIdentity("bob").build().toByteArray(), Kind.RELIABLE);
    assertEquals("alice", DataPacket.parseFrom(alice.stamped()).getParticipantIdentity(), "only agents may");

    DataPacket bytes = DataPacket.newBuilder().setParticipantIdentity("alice")
        .setStreamHeader(LivekitModels.DataStream.Header.newBuilder().setStreamId("s2")
            .setByteHeader(LivekitModels.DataStream.ByteHeader.newBuilder().setName("f.bin")))
        .build();
    agent.read(bytes.toByteArray(), Kind.RELIABLE);
    assertEquals("agent", DataPacket.parseFrom(agent.stamped()).getParticipantIdentity(), "byte streams are its own");
  }
}
