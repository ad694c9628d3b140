package io.switchboard.sfu.room;

import java.util.Arrays;
import java.util.Objects;

/**
 * What a participant sends to others over the room's data path: the payloads of LiveKit's
 * {@code DataPacket.value} oneof (livekit_models.proto) that Switchboard carries. The envelope
 * (sender, destinations, reliability) is {@link DataPacket}.
 */
public sealed interface DataMessage {

  /**
   * A DTMF key (LiveKit's {@code SipDTMF}): {@code code} is the RFC 4733 §3.2 event code (0-9,
   * * = 10, # = 11, A-D = 12-15), {@code digit} the key as text. A SIP participant publishes one
   * per key its caller presses; one addressed to a SIP participant is keyed on its call.
   */
  record SipDtmf(int code, String digit) implements DataMessage {
    private static final String KEYS = "0123456789*#ABCD";

    public SipDtmf {
      Objects.requireNonNull(digit, "digit");
      if (code < 0) {
        throw new IllegalArgumentException("SipDTMF code must not be negative: " + code);
      }
    }

    /** The message for a key: 0-9, *, #, A-D (a-d accepted). */
    public static SipDtmf of(char key) {
      int code = KEYS.indexOf(Character.toUpperCase(key));
      if (code < 0) {
        throw new IllegalArgumentException("'" + key + "' is not a DTMF key (expected 0-9, *, #, A-D)");
      }
      return new SipDtmf(code, String.valueOf(KEYS.charAt(code)));
    }

    /**
     * The key this message stands for: {@code digit} when it is one key, else the key of
     * {@code code} (LiveKit clients fill both; some only one).
     */
    public char key() {
      if (digit.length() == 1 && KEYS.indexOf(Character.toUpperCase(digit.charAt(0))) >= 0) {
        return Character.toUpperCase(digit.charAt(0));
      }
      if (code < KEYS.length()) {
        return KEYS.charAt(code);
      }
      throw new IllegalArgumentException("SipDTMF names no DTMF key: code " + code + ", digit '" + digit + "'");
    }
  }

  /**
   * An application's bytes (LiveKit's {@code UserPacket}), optionally under a {@code topic}
   * (empty for none). The payload is copied in and out: the message stays immutable.
   */
  record User(byte[] payload, String topic) implements DataMessage {
    public User {
      payload = Objects.requireNonNull(payload, "payload").clone();
      topic = topic == null ? "" : topic;
    }

    @Override
    public byte[] payload() {
      return payload.clone();
    }

    public int payloadLength() {
      return payload.length;
    }

    /** Copies the payload into {@code target} at {@code offset} (no intermediate copy). */
    public void copyPayloadTo(byte[] target, int offset) {
      System.arraycopy(payload, 0, target, offset, payload.length);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof User other && Arrays.equals(payload, other.payload) && topic.equals(other.topic);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(payload) + topic.hashCode();
    }

    @Override
    public String toString() {
      return "User[" + payload.length + " bytes, topic=" + topic + "]";
    }
  }

  /**
   * A LiveKit {@code DataPacket} from a WebRTC client other than SipDTMF (user packets, chat, RPC,
   * data streams, encrypted packets…), kept as its protobuf encoding with the sender's identity
   * already stamped, so it reaches other WebRTC clients unchanged and without copies. In-process
   * participants may ignore it, or read a user packet with {@code
   * io.switchboard.sfu.data.ForwardedPackets.user}. The array is shared by every receiver and
   * must not be changed.
   */
  record Forwarded(byte[] packet) implements DataMessage {
    public Forwarded {
      Objects.requireNonNull(packet, "packet");
    }

    @Override
    public String toString() {
      return "Forwarded[" + packet.length + " bytes]";
    }
  }
}
