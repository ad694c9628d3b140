package io.switchboard.sfu.transport.srtp;

import java.util.Objects;
import org.jitsi.utils.ByteArrayBuffer;

/**
 * A reusable, mutable view of one packet inside a byte array, transformed in place. Protecting
 * appends a tag (up to 20 bytes with the SRTCP index), so give the array that much room after the
 * packet; if it lacks room the view moves to a larger array (see {@link #buffer()}).
 */
public final class PacketBuffer {
  private byte[] buffer;
  private int offset;
  private int length;
  private final JitsiView jitsiView = new JitsiView();

  public PacketBuffer(int capacity) {
    this.buffer = new byte[capacity];
  }

  /** Points this view at a packet; nothing is copied. */
  public PacketBuffer wrap(byte[] buffer, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, buffer.length);
    this.buffer = buffer;
    this.offset = offset;
    this.length = length;
    return this;
  }

  /**
   * Copies a packet into this view's own array at {@code headroom}, growing the array if needed.
   */
  public PacketBuffer copyFrom(
      byte[] src, int srcOffset, int srcLength, int headroom, int tailroom) {
    int needed = headroom + srcLength + tailroom;
    if (buffer.length < needed) {
      buffer = new byte[needed];
    }
    System.arraycopy(src, srcOffset, buffer, headroom, srcLength);
    this.offset = headroom;
    this.length = srcLength;
    return this;
  }

  public byte[] buffer() {
    return buffer;
  }

  public int offset() {
    return offset;
  }

  public int length() {
    return length;
  }

  ByteArrayBuffer asJitsi() {
    return jitsiView;
  }

  /** jitsi-srtp's view of the same bytes; the library type stays in this package. */
  private final class JitsiView implements ByteArrayBuffer {
    @Override
    public byte[] getBuffer() {
      return buffer;
    }

    @Override
    public int getOffset() {
      return offset;
    }

    @Override
    public int getLength() {
      return length;
    }

    @Override
    public void setLength(int newLength) {
      if (newLength < 0 || offset + newLength > buffer.length) {
        throw new IllegalArgumentException("length " + newLength + " exceeds the buffer");
      }
      length = newLength;
    }

    @Override
    public void setOffset(int newOffset) {
      if (newOffset < 0 || newOffset + length > buffer.length) {
        throw new IllegalArgumentException("offset " + newOffset + " exceeds the buffer");
      }
      offset = newOffset;
    }

    @Override
    public boolean isInvalid() {
      return false;
    }

    @Override
    public void readRegionToBuff(int off, int len, byte[] out) {
      int start = offset + off;
      if (off < 0 || len <= 0 || start + len > buffer.length || out.length < len) {
        return;
      }
      System.arraycopy(buffer, start, out, 0, len);
    }

    @Override
    public void grow(int howMuch) {
      if (howMuch < 0) {
        throw new IllegalArgumentException("cannot grow by " + howMuch);
      }
      if (offset + length + howMuch > buffer.length) {
        byte[] larger = new byte[length + howMuch];
        System.arraycopy(buffer, offset, larger, 0, length);
        buffer = larger;
        offset = 0;
      }
    }

    @Override
    public void append(byte[] data, int len) {
      grow(len);
      System.arraycopy(data, 0, buffer, offset + length, len);
      length += len;
    }

    @Override
    public void shrink(int len) {
      length = len <= 0 ? length : Math.max(0, length - len);
    }
  }
}
