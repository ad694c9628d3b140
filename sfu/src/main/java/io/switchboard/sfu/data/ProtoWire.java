package io.switchboard.sfu.data;

/**
 * The Protocol Buffers wire format (protobuf.dev, "Encoding"), just what LiveKit's DataPacket
 * needs: reading fields in place and writing into a buffer sized in advance, so a packet is
 * rewritten with one allocation, its result.
 */
final class ProtoWire {
  static final int VARINT = 0;
  static final int I64 = 1;
  static final int LEN = 2;
  static final int I32 = 5;

  private ProtoWire() {}

  static int tag(int field, int wireType) {
    return field << 3 | wireType;
  }

  static int varintSize(long v) {
    int n = 1;
    while ((v & ~0x7FL) != 0) {
      v >>>= 7;
      n++;
    }
    return n;
  }

  static int writeVarint(byte[] out, int pos, long v) {
    while ((v & ~0x7FL) != 0) {
      out[pos++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out[pos++] = (byte) v;
    return pos;
  }

  /** Bytes taken by a length-delimited field holding {@code len} bytes. */
  static int lenFieldSize(int field, int len) {
    return varintSize(tag(field, LEN)) + varintSize(len) + len;
  }

  static int varintFieldSize(int field, long value) {
    return varintSize(tag(field, VARINT)) + varintSize(value);
  }

  static int writeLenHeader(byte[] out, int pos, int field, int len) {
    pos = writeVarint(out, pos, tag(field, LEN));
    return writeVarint(out, pos, len);
  }

  static int writeLenField(byte[] out, int pos, int field, byte[] src, int off, int len) {
    pos = writeLenHeader(out, pos, field, len);
    System.arraycopy(src, off, out, pos, len);
    return pos + len;
  }

  static int writeVarintField(byte[] out, int pos, int field, long value) {
    pos = writeVarint(out, pos, tag(field, VARINT));
    return writeVarint(out, pos, value);
  }

  /**
   * Walks the fields of one message in place. After {@link #next} returns true, {@link #field}
   * and {@link #wireType} describe the field, which spans {@link #start}..{@link #pos}; a varint
   * is in {@link #varint}, a length-delimited value at {@link #valueOffset} for {@link
   * #valueLength} bytes. Reusable: {@link #reset} starts over on another message.
   */
  static final class Reader {
    private final String message;
    private byte[] buf;
    private int end;
    int pos;
    int start;
    int field;
    int wireType;
    long varint;
    int valueOffset;
    int valueLength;

    /** @param message the message's name, for errors */
    Reader(String message) {
      this.message = message;
    }

    Reader reset(byte[] buf, int off, int len) {
      this.buf = buf;
      this.pos = off;
      this.end = off + len;
      return this;
    }

    /**
     * @return false at the end of the message
     * @throws IllegalArgumentException naming the message when the bytes are not protobuf
     */
    boolean next() {
      if (pos >= end) {
        return false;
      }
      start = pos;
      long key = readVarint();
      field = (int) (key >>> 3);
      wireType = (int) (key & 7);
      if (field == 0) {
        throw malformed("field number 0");
      }
      switch (wireType) {
        case VARINT -> varint = readVarint();
        case I64 -> skip(8);
        case I32 -> skip(4);
        case LEN -> {
          long len = readVarint();
          if (len < 0 || len > end - pos) {
            throw malformed("field " + field + " runs past the end");
          }
          valueOffset = pos;
          valueLength = (int) len;
          pos += (int) len;
        }
        default -> throw malformed("wire type " + wireType + " of field " + field);
      }
      return true;
    }

    /** The current length-delimited value as UTF-8 text. */
    String string() {
      return new String(buf, valueOffset, valueLength, java.nio.charset.StandardCharsets.UTF_8);
    }

    private void skip(int n) {
      if (n > end - pos) {
        throw malformed("field " + field + " runs past the end");
      }
      pos += n;
    }

    private long readVarint() {
      long v = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        if (pos >= end) {
          throw malformed("a varint runs past the end");
        }
        byte b = buf[pos++];
        v |= (long) (b & 0x7F) << shift;
        if (b >= 0) {
          return v;
        }
      }
      throw malformed("a varint longer than 10 bytes");
    }

    private IllegalArgumentException malformed(String what) {
      return new IllegalArgumentException("not a LiveKit " + message + ": " + what);
    }
  }
}
