package io.switchboard.sfu.transport.sctp;

import java.nio.charset.StandardCharsets;

/**
 * The Data Channel Establishment Protocol messages (RFC 8832 §5), sent with PPID 50: OPEN names
 * the channel and its reliability, ACK confirms it.
 */
final class Dcep {
  static final int PPID = 50;
  static final int MESSAGE_ACK = 0x02;
  static final int MESSAGE_OPEN = 0x03;

  /** RFC 8832 §5.1 channel types; 0x80 marks unordered. */
  static final int RELIABLE = 0x00;

  static final int PARTIAL_RELIABLE_REXMIT = 0x01;
  static final int PARTIAL_RELIABLE_TIMED = 0x02;
  static final int UNORDERED = 0x80;

  private Dcep() {}

  /** A parsed DATA_CHANNEL_OPEN. */
  record Open(String label, String protocol, ChannelOptions options, int priority) {}

  static byte[] open(String label, ChannelOptions options) {
    byte[] l = label.getBytes(StandardCharsets.UTF_8);
    byte[] p = options.protocol().getBytes(StandardCharsets.UTF_8);
    if (l.length > 0xffff || p.length > 0xffff) {
      throw new IllegalArgumentException("data channel label or protocol longer than 65535 bytes");
    }
    byte[] m = new byte[12 + l.length + p.length];
    int type;
    long param;
    if (options.maxRetransmits() >= 0) {
      type = PARTIAL_RELIABLE_REXMIT;
      param = options.maxRetransmits();
    } else if (options.maxPacketLifeTimeMillis() >= 0) {
      type = PARTIAL_RELIABLE_TIMED;
      param = options.maxPacketLifeTimeMillis();
    } else {
      type = RELIABLE;
      param = 0;
    }
    m[0] = MESSAGE_OPEN;
    m[1] = (byte) (type | (options.ordered() ? 0 : UNORDERED));
    Bytes.put16(m, 2, 256); // normal priority (RFC 8831 §6.4)
    Bytes.put32(m, 4, param);
    Bytes.put16(m, 8, l.length);
    Bytes.put16(m, 10, p.length);
    System.arraycopy(l, 0, m, 12, l.length);
    System.arraycopy(p, 0, m, 12 + l.length, p.length);
    return m;
  }

  static byte[] ack() {
    return new byte[] {MESSAGE_ACK};
  }

  /**
   * Reads a DATA_CHANNEL_OPEN.
   *
   * @throws IllegalArgumentException naming what is malformed
   */
  static Open parseOpen(byte[] m) {
    if (m.length < 12 || m[0] != MESSAGE_OPEN) {
      throw new IllegalArgumentException("not a DATA_CHANNEL_OPEN of at least 12 bytes");
    }
    int type = m[1] & 0xff;
    long param = Bytes.u32(m, 4);
    int labelLength = Bytes.u16(m, 8);
    int protocolLength = Bytes.u16(m, 10);
    if (12 + labelLength + protocolLength > m.length) {
      throw new IllegalArgumentException(
          "DATA_CHANNEL_OPEN label and protocol lengths run past its " + m.length + " bytes");
    }
    String label = new String(m, 12, labelLength, StandardCharsets.UTF_8);
    String protocol = new String(m, 12 + labelLength, protocolLength, StandardCharsets.UTF_8);
    boolean ordered = (type & UNORDERED) == 0;
    int capped = (int) Math.min(param, Integer.MAX_VALUE);
    ChannelOptions options =
        switch (type & 0x7f) {
          case RELIABLE -> new ChannelOptions(ordered, -1, -1, protocol);
          case PARTIAL_RELIABLE_REXMIT -> new ChannelOptions(ordered, capped, -1, protocol);
          case PARTIAL_RELIABLE_TIMED -> new ChannelOptions(ordered, -1, capped, protocol);
          default ->
              throw new IllegalArgumentException("unknown DATA_CHANNEL_OPEN channel type " + type);
        };
    return new Open(label, protocol, options, Bytes.u16(m, 2));
  }
}
