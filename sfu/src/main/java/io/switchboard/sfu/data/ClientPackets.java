package io.switchboard.sfu.data;

import io.switchboard.sfu.room.DataPacket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the DataPackets (livekit_models.proto) one client sends and stamps them as LiveKit's
 * server does ({@code participant.go handleReceivedDataMessage}): the sender's identity and sid
 * replace whatever the client wrote, at the top and in a UserPacket (blank for hidden
 * participants); {@code kind} is the channel's; reliable packets whose sequence went backwards are
 * dropped; transcriptions are forwarded only from agents and metrics never; an agent's chat and
 * text streams may keep the identity it wrote (it speaks for someone). The stamped packet is
 * written in one allocation. Not thread-safe: one per client, fed by one channel's thread at a
 * time (SCTP delivers under the association's lock).
 */
final class ClientPackets {
  /** DataPacket fields (livekit_models.proto). */
  static final int KIND = 1;
  static final int USER = 2;
  static final int IDENTITY = 4;
  static final int DESTINATIONS = 5;
  static final int SIP_DTMF = 6;
  static final int TRANSCRIPTION = 7;
  static final int METRICS = 8;
  static final int CHAT_MESSAGE = 9;
  static final int STREAM_HEADER = 13;
  /** DataStream.Header's text_header. */
  static final int TEXT_HEADER = 9;
  static final int SEQUENCE = 16;
  static final int SID = 17;
  /** UserPacket fields. */
  static final int USER_SID = 1;
  static final int USER_PAYLOAD = 2;
  static final int USER_TOPIC = 4;
  static final int USER_IDENTITY = 5;
  static final int USER_DESTINATIONS = 6;
  /** SipDTMF fields. */
  static final int DTMF_CODE = 3;
  static final int DTMF_DIGIT = 4;

  /** What a packet turned out to be. */
  enum Outcome {
    /** Forward {@link #stamped()} as it is. */
    FORWARD,
    /** A SipDTMF: forward {@link #dtmfCode()} and {@link #dtmfDigit()} as the room's message. */
    SIP_DTMF,
    /** Not forwarded (a repeated sequence, metrics, a transcription from a non-agent). */
    DROP
  }

  private final byte[] identity;
  private final byte[] sid;
  private final boolean agent;
  private final ProtoWire.Reader top = new ProtoWire.Reader("DataPacket");
  private final ProtoWire.Reader inner = new ProtoWire.Reader("UserPacket");
  private long lastReliableSequence;
  private byte[] stamped;
  private List<String> destinations = List.of();
  private int dtmfCode;
  private String dtmfDigit = "";

  /**
   * @param identity the sender's identity, or "" for a hidden participant
   * @param sid the sender's sid, or "" for a hidden participant
   * @param agent whether the sender is an agent (may forward transcriptions)
   */
  ClientPackets(String identity, String sid, boolean agent) {
    this.identity = identity.getBytes(StandardCharsets.UTF_8);
    this.sid = sid.getBytes(StandardCharsets.UTF_8);
    this.agent = agent;
  }

  /**
   * Reads one packet as it arrived on a channel of {@code kind}.
   *
   * @throws IllegalArgumentException when it is not a DataPacket
   */
  Outcome read(byte[] packet, DataPacket.Kind kind) {
    stamped = null;
    destinations = List.of();
    int valueField = 0;
    int userOffset = 0;
    int userLength = 0;
    int userFieldBytes = 0;
    long sequence = 0;
    int kept = 0;
    int claimedOffset = 0;
    int claimedLength = 0;
    int claimedFieldBytes = 0;
    int valueOffset = 0;
    int valueLength = 0;
    List<String> dests = null;
    top.reset(packet, 0, packet.length);
    while (top.next()) {
      switch (top.field) {
        case KIND, SID -> { continue; }
        case IDENTITY -> {
          claimedOffset = top.valueOffset;
          claimedLength = top.valueLength;
          claimedFieldBytes = top.pos - top.start;
          continue;
        }
        case DESTINATIONS -> {
          if (dests == null) {
            dests = new ArrayList<>(2);
          }
          dests.add(top.string());
        }
        case SEQUENCE -> sequence = top.varint;
        case USER -> {
          if (userFieldBytes > 0) {
            throw new IllegalArgumentException("not a LiveKit DataPacket: two user values");
          }
          userOffset = top.valueOffset;
          userLength = top.valueLength;
          userFieldBytes = top.pos - top.start;
        }
        default -> {}
      }
      if (isValue(top.field)) {
        valueField = top.field;
        valueOffset = top.valueOffset;
        valueLength = top.valueLength;
      }
      kept += top.pos - top.start;
    }
    if (kind == DataPacket.Kind.RELIABLE && sequence > 0) {
      if (sequence <= lastReliableSequence) {
        return Outcome.DROP;
      }
      lastReliableSequence = sequence;
    }
    if (valueField == METRICS || (valueField == TRANSCRIPTION && !agent)) {
      return Outcome.DROP;
    }
    if (valueField == SIP_DTMF) {
      readDtmf(packet);
      destinations = dests == null ? List.of() : dests;
      return Outcome.SIP_DTMF;
    }
    int userKept = 0;
    if (valueField == USER) {
      inner.reset(packet, userOffset, userLength);
      while (inner.next()) {
        if (inner.field == USER_SID || inner.field == USER_IDENTITY) {
          continue;
        }
        if (inner.field == USER_DESTINATIONS && dests == null) {
          // Older clients address user packets inside the UserPacket (LiveKit honours both).
          destinations = destinations.isEmpty() ? new ArrayList<>(2) : destinations;
          destinations.add(inner.string());
        }
        userKept += inner.pos - inner.start;
      }
      int userLen = userKept + stampSize(USER_SID, USER_IDENTITY);
      kept += ProtoWire.lenFieldSize(USER, userLen) - userFieldBytes;
    }
    if (dests != null) {
      destinations = dests;
    }
    boolean keepIdentity = speaksForAnother(packet, claimedOffset, claimedLength, valueField, valueOffset, valueLength);
    write(packet, kind, kept + (keepIdentity ? claimedFieldBytes : 0), valueField == USER ? userKept : -1, keepIdentity);
    return Outcome.FORWARD;
  }

  /** The stamped packet after a FORWARD; shared by every receiver. */
  byte[] stamped() {
    return stamped;
  }

  /** Whom the last packet was for; empty for everyone. */
  List<String> destinations() {
    return destinations;
  }

  int dtmfCode() {
    return dtmfCode;
  }

  String dtmfDigit() {
    return dtmfDigit;
  }

  /**
   * LiveKit lets an agent publish chat and text streams (transcriptions) on behalf of another
   * participant: then the identity it wrote stays.
   */
  private boolean speaksForAnother(
      byte[] packet, int claimedOffset, int claimedLength, int valueField, int valueOffset, int valueLength) {
    if (!agent || claimedLength == 0 || java.util.Arrays.equals(
        packet, claimedOffset, claimedOffset + claimedLength, identity, 0, identity.length)) {
      return false;
    }
    if (valueField == CHAT_MESSAGE) {
      return true;
    }
    if (valueField != STREAM_HEADER) {
      return false;
    }
    inner.reset(packet, valueOffset, valueLength);
    while (inner.next()) {
      if (inner.field == TEXT_HEADER) {
        return true;
      }
    }
    return false;
  }

  private void write(byte[] packet, DataPacket.Kind kind, int kept, int userKept, boolean keepIdentity) {
    boolean lossy = kind == DataPacket.Kind.LOSSY;
    int stamp = keepIdentity ? (sid.length == 0 ? 0 : ProtoWire.lenFieldSize(SID, sid.length)) : stampSize(IDENTITY, SID);
    int size = kept + stamp + (lossy ? ProtoWire.varintFieldSize(KIND, 1) : 0);
    byte[] out = new byte[size];
    int pos = lossy ? ProtoWire.writeVarintField(out, 0, KIND, 1) : 0;
    if (keepIdentity) {
      pos = sid.length == 0 ? pos : ProtoWire.writeLenField(out, pos, SID, sid, 0, sid.length);
    } else {
      pos = writeStamp(out, pos, IDENTITY, SID);
    }
    top.reset(packet, 0, packet.length);
    while (top.next()) {
      int f = top.field;
      if (f == KIND || f == SID || (f == IDENTITY && !keepIdentity)) {
        continue;
      }
      if (f == USER && userKept >= 0) {
        pos = ProtoWire.writeLenHeader(out, pos, USER, userKept + stampSize(USER_SID, USER_IDENTITY));
        pos = writeStamp(out, pos, USER_IDENTITY, USER_SID);
        inner.reset(packet, top.valueOffset, top.valueLength);
        while (inner.next()) {
          if (inner.field != USER_SID && inner.field != USER_IDENTITY) {
            System.arraycopy(packet, inner.start, out, pos, inner.pos - inner.start);
            pos += inner.pos - inner.start;
          }
        }
        continue;
      }
      System.arraycopy(packet, top.start, out, pos, top.pos - top.start);
      pos += top.pos - top.start;
    }
    if (pos != size) {
      throw new IllegalStateException("DataPacket stamping wrote " + pos + " of " + size + " bytes");
    }
    stamped = out;
  }

  private void readDtmf(byte[] packet) {
    dtmfCode = 0;
    dtmfDigit = "";
    top.reset(packet, 0, packet.length);
    while (top.next()) {
      if (top.field == SIP_DTMF) {
        inner.reset(packet, top.valueOffset, top.valueLength);
        while (inner.next()) {
          if (inner.field == DTMF_CODE && inner.wireType == ProtoWire.VARINT) {
            dtmfCode = (int) inner.varint;
          } else if (inner.field == DTMF_DIGIT && inner.wireType == ProtoWire.LEN) {
            dtmfDigit = inner.string();
          }
        }
      }
    }
  }

  private int stampSize(int identityField, int sidField) {
    return (identity.length == 0 ? 0 : ProtoWire.lenFieldSize(identityField, identity.length))
        + (sid.length == 0 ? 0 : ProtoWire.lenFieldSize(sidField, sid.length));
  }

  private int writeStamp(byte[] out, int pos, int identityField, int sidField) {
    if (identity.length > 0) {
      pos = ProtoWire.writeLenField(out, pos, identityField, identity, 0, identity.length);
    }
    if (sid.length > 0) {
      pos = ProtoWire.writeLenField(out, pos, sidField, sid, 0, sid.length);
    }
    return pos;
  }

  /** The fields of DataPacket's {@code value} oneof. */
  private static boolean isValue(int field) {
    return (field >= 2 && field <= 3) || (field >= 6 && field <= 15) || field == 18;
  }
}
