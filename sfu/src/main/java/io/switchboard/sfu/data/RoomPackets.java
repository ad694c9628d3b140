package io.switchboard.sfu.data;

import static io.switchboard.sfu.data.ClientPackets.*;

import io.switchboard.sfu.room.DataMessage;
import io.switchboard.sfu.room.DataPacket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Encodes the room's data packets as LiveKit DataPackets for WebRTC clients: a {@link
 * DataMessage.Forwarded} is already one; a {@link DataMessage.User} or {@link DataMessage.SipDtmf}
 * from an in-process participant or the server is written with its sender (blank when the server
 * sent it, as in LiveKit's SendData) in one allocation.
 */
final class RoomPackets {
  private RoomPackets() {}

  static byte[] encode(DataPacket packet) {
    return switch (packet.value()) {
      case DataMessage.Forwarded f -> f.packet();
      case DataMessage.User u -> encode(packet, u);
      case DataMessage.SipDtmf d -> encode(packet, d);
    };
  }

  private static byte[] encode(DataPacket packet, DataMessage.User user) {
    byte[] identity = utf8(packet.participantIdentity());
    byte[] sid = utf8(packet.participantSid());
    byte[] topic = utf8(user.topic());
    List<byte[]> dests = packet.destinationIdentities().stream().map(RoomPackets::utf8).toList();
    int inner = optional(USER_SID, sid) + ProtoWire.lenFieldSize(USER_PAYLOAD, user.payloadLength())
        + optional(USER_TOPIC, topic) + optional(USER_IDENTITY, identity) + repeated(USER_DESTINATIONS, dests);
    byte[] out = new byte[envelopeSize(packet, identity, sid, dests) + ProtoWire.lenFieldSize(USER, inner)];
    int pos = writeEnvelope(out, packet, identity, sid, dests);
    pos = ProtoWire.writeLenHeader(out, pos, USER, inner);
    pos = writeOptional(out, pos, USER_SID, sid);
    pos = ProtoWire.writeLenHeader(out, pos, USER_PAYLOAD, user.payloadLength());
    user.copyPayloadTo(out, pos);
    pos += user.payloadLength();
    pos = writeOptional(out, pos, USER_TOPIC, topic);
    pos = writeOptional(out, pos, USER_IDENTITY, identity);
    writeRepeated(out, pos, USER_DESTINATIONS, dests);
    return out;
  }

  private static byte[] encode(DataPacket packet, DataMessage.SipDtmf dtmf) {
    byte[] identity = utf8(packet.participantIdentity());
    byte[] sid = utf8(packet.participantSid());
    byte[] digit = utf8(dtmf.digit());
    List<byte[]> dests = packet.destinationIdentities().stream().map(RoomPackets::utf8).toList();
    int inner = (dtmf.code() == 0 ? 0 : ProtoWire.varintFieldSize(DTMF_CODE, dtmf.code())) + optional(DTMF_DIGIT, digit);
    byte[] out = new byte[envelopeSize(packet, identity, sid, dests) + ProtoWire.lenFieldSize(SIP_DTMF, inner)];
    int pos = writeEnvelope(out, packet, identity, sid, dests);
    pos = ProtoWire.writeLenHeader(out, pos, SIP_DTMF, inner);
    if (dtmf.code() != 0) {
      pos = ProtoWire.writeVarintField(out, pos, DTMF_CODE, dtmf.code());
    }
    writeOptional(out, pos, DTMF_DIGIT, digit);
    return out;
  }

  private static int envelopeSize(DataPacket packet, byte[] identity, byte[] sid, List<byte[]> dests) {
    return (packet.kind() == DataPacket.Kind.LOSSY ? ProtoWire.varintFieldSize(KIND, 1) : 0)
        + optional(IDENTITY, identity) + repeated(DESTINATIONS, dests) + optional(SID, sid);
  }

  private static int writeEnvelope(byte[] out, DataPacket packet, byte[] identity, byte[] sid, List<byte[]> dests) {
    int pos = packet.kind() == DataPacket.Kind.LOSSY ? ProtoWire.writeVarintField(out, 0, KIND, 1) : 0;
    pos = writeOptional(out, pos, IDENTITY, identity);
    pos = writeRepeated(out, pos, DESTINATIONS, dests);
    return writeOptional(out, pos, SID, sid);
  }

  private static int optional(int field, byte[] value) {
    return value.length == 0 ? 0 : ProtoWire.lenFieldSize(field, value.length);
  }

  private static int repeated(int field, List<byte[]> values) {
    int n = 0;
    for (byte[] v : values) {
      n += ProtoWire.lenFieldSize(field, v.length);
    }
    return n;
  }

  private static int writeOptional(byte[] out, int pos, int field, byte[] value) {
    return value.length == 0 ? pos : ProtoWire.writeLenField(out, pos, field, value, 0, value.length);
  }

  private static int writeRepeated(byte[] out, int pos, int field, List<byte[]> values) {
    for (byte[] v : values) {
      pos = ProtoWire.writeLenField(out, pos, field, v, 0, v.length);
    }
    return pos;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
