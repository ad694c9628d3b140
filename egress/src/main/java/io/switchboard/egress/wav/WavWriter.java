package io.switchboard.egress.wav;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * Writes 16-bit PCM WAV as the audio arrives. The RIFF and data sizes in the 44-byte header are
 * rewritten by {@link #updateHeader()}, which the recorder calls every second, so a file left by a
 * crash is playable up to then; {@link WavRepair} fixes the sizes of such a file exactly.
 */
public final class WavWriter {
  static final int HEADER = 44;

  private final FileChannel out;
  private final int channels;
  private final ByteBuffer frame;
  private long dataBytes;

  /** @param samplesPerWrite interleaved samples per {@link #write} call (one 20 ms frame) */
  public WavWriter(FileChannel out, int sampleRate, int channels, int samplesPerWrite) throws IOException {
    this.out = out;
    this.channels = channels;
    this.frame = ByteBuffer.allocate(samplesPerWrite * 2).order(ByteOrder.LITTLE_ENDIAN);
    ByteBuffer h = header(sampleRate, channels, 0);
    while (h.hasRemaining()) {
      out.write(h, h.position());
    }
    out.position(HEADER);
  }

  /** The canonical header (RIFF/WAVE, fmt with PCM, data) for {@code dataBytes} of samples. */
  static ByteBuffer header(int sampleRate, int channels, long dataBytes) {
    ByteBuffer b = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {'R', 'I', 'F', 'F'}).putInt((int) Math.min(0xFFFFFFFFL, 36 + dataBytes));
    b.put(new byte[] {'W', 'A', 'V', 'E', 'f', 'm', 't', ' '}).putInt(16);
    b.putShort((short) 1).putShort((short) channels).putInt(sampleRate);
    b.putInt(sampleRate * channels * 2).putShort((short) (channels * 2)).putShort((short) 16);
    b.put(new byte[] {'d', 'a', 't', 'a'}).putInt((int) Math.min(0xFFFFFFFFL, dataBytes));
    return b.flip();
  }

  /** Appends one frame of interleaved samples. */
  public void write(short[] interleaved) throws IOException {
    frame.clear();
    for (int i = 0; i < frame.capacity() / 2; i++) {
      frame.putShort(i * 2, interleaved[i]);
    }
    while (frame.hasRemaining()) {
      out.write(frame);
    }
    dataBytes += frame.capacity();
  }

  /** Writes the current sizes into the header (RIFF size at 4, data size at 40). */
  public void updateHeader() throws IOException {
    sizes(out, dataBytes);
  }

  static void sizes(FileChannel ch, long dataBytes) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
    ch.write(b.putInt(0, (int) Math.min(0xFFFFFFFFL, 36 + dataBytes)).clear(), 4);
    ch.write(b.putInt(0, (int) Math.min(0xFFFFFFFFL, dataBytes)).clear(), 40);
  }

  public long bytesWritten() {
    return HEADER + dataBytes;
  }

  public int channels() {
    return channels;
  }
}
