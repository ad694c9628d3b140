package io.switchboard.sfu.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.switchboard.sfu.room.DataMessage;
import io.switchboard.sfu.room.DataPacket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import livekit.LivekitModels;
import org.junit.jupiter.api.Test;

/** The room's data as LiveKit's clients parse it (protobuf-java's LiveKit classes). */
class RoomPacketsTest {
  @Test
  void aUserPacketFromTheServerHasNoSender() throws Exception {
    var packet = new DataPacket("", "", List.of("bob"), DataPacket.Kind.LOSSY,
        new DataMessage.User("ping".getBytes(StandardCharsets.UTF_8), "status"));
    var out = LivekitModels.DataPacket.parseFrom(RoomPackets.encode(packet));
    assertEquals("", out.getParticipantIdentity());
    assertEquals(LivekitModels.DataPacket.Kind.LOSSY, out.getKind());
    assertEquals(List.of("bob"), out.getDestinationIdentitiesList());
    assertEquals("ping", out.getUser().getPayload().toStringUtf8());
    assertEquals("status", out.getUser().getTopic());
    assertEquals(List.of("bob"), out.getUser().getDestinationIdentitiesList());
  }

  @Test
  void aCallersKeyIsASipDtmfFromTheCaller() throws Exception {
    var packet = new DataPacket("sip_+15550100", "PA_sip", List.of(), DataPacket.Kind.RELIABLE,
        DataMessage.SipDtmf.of('#'));
    var out = LivekitModels.DataPacket.parseFrom(RoomPackets.encode(packet));
    assertEquals("sip_+15550100", out.getParticipantIdentity());
    assertEquals("PA_sip", out.getParticipantSid());
    assertEquals(11, out.getSipDtmf().getCode(), "RFC 4733: # is event 11");
    assertEquals("#", out.getSipDtmf().getDigit());
    assertEquals(0, LivekitModels.DataPacket.parseFrom(RoomPackets.encode(new DataPacket("a", "b", List.of(),
        DataPacket.Kind.RELIABLE, DataMessage.SipDtmf.of('0')))).getSipDtmf().getCode(), "key 0 is code 0");
  }

  @Test
  void aForwardedPacketIsSentAsItIs() {
    byte[] bytes = {0x22, 1, 'a'};
    assertSame(bytes, RoomPackets.encode(new DataPacket("a", "PA_a", List.of(), DataPacket.Kind.RELIABLE,
        new DataMessage.Forwarded(bytes))));
  }
}
