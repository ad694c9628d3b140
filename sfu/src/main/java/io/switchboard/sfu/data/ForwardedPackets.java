package io.switchboard.sfu.data;

import io.switchboard.sfu.room.DataMessage;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads what an in-process participant may want from a {@link DataMessage.Forwarded}: the user
 * packet a WebRTC client published (its payload and topic). Those are forwarded as encoded, so
 * that every WebRTC receiver gets the same bytes; this decodes one on demand.
 */
public final class ForwardedPackets {
  private ForwardedPackets() {}

  /**
   * The packet's UserPacket as the room's message, or empty if it carries something else (chat,
   * RPC, a data stream…).
   *
   * @throws IllegalArgumentException if the bytes are not a DataPacket
   */
  public static Optional<DataMessage.User> user(DataMessage.Forwarded forwarded) {
    byte[] packet = forwarded.packet();
    ProtoWire.Reader top = new ProtoWire.Reader("DataPacket").reset(packet, 0, packet.length);
    int userOffset = -1;
    int userLength = 0;
    while (top.next()) {
      if (top.field == ClientPackets.USER && top.wireType == ProtoWire.LEN) {
        userOffset = top.valueOffset;
        userLength = top.valueLength;
      }
    }
    if (userOffset < 0) {
      return Optional.empty();
    }
    ProtoWire.Reader user = new ProtoWire.Reader("UserPacket").reset(packet, userOffset, userLength);
    byte[] payload = new byte[0];
    String topic = "";
    while (user.next()) {
      if (user.field == ClientPackets.USER_PAYLOAD && user.wireType == ProtoWire.LEN) {
        payload = Arrays.copyOfRange(packet, user.valueOffset, user.valueOffset + user.valueLength);
      } else if (user.field == ClientPackets.USER_TOPIC && user.wireType == ProtoWire.LEN) {
        topic = user.string();
      }
    }
    return Optional.of(new DataMessage.User(payload, topic));
  }
}
