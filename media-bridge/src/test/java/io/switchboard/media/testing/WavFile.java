package io.switchboard.media.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A 16-bit PCM WAV file: rate, channel count and interleaved samples.
 *
 * <p>Reading is tolerant of what real recorders write: extra chunks (LIST, fact, cue…) are
 * skipped, WAVE_FORMAT_EXTENSIBLE with a PCM sub-format is accepted, and a data size that runs
 * past the end of the file (streaming writers leave it 0xFFFFFFFF) is cut to what is there.
 */
public record WavFile(int sampleRate, int channels, short[] samples) {
  private static final int FORMAT_PCM = 1;
  private static final int FORMAT_EXTENSIBLE = 0xFFFE;

  public WavFile {
    if (sampleRate <= 0) {
      throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
    }
    if (channels < 1) {
      throw new IllegalArgumentException("channel count must be at least 1: " + channels);
    }
    if (samples.length % channels != 0) {
      throw new IllegalArgumentException(
          samples.length + " samples do not divide into whole frames of " + channels + " channels");
    }
  }

  public static WavFile mono(int sampleRate, short[] samples) {
    return new WavFile(sampleRate, 1, samples);
  }

  /** Sample frames (one sample per channel). */
  public int frames() {
    return samples.length / channels;
  }

  public double durationSeconds() {
    return (double) frames() / sampleRate;
  }

  /** The samples of one channel (0-based). */
  public short[] channel(int index) {
    if (index < 0 || index >= channels) {
      throw new IllegalArgumentException("channel " + index + " does not exist in a " + channels + "-channel file");
    }
    short[] out = new short[frames()];
    for (int i = 0; i < out.length; i++) {
      out[i] = samples[i * channels + index];
    }
    return out;
  }

  public static WavFile read(Path path) {
    try {
      return parse(Files.readAllBytes(path), path.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read WAV file " + path, e);
    }
  }

  public static WavFile parse(byte[] bytes) {
    return parse(bytes, "WAV data");
  }

  private static WavFile parse(byte[] bytes, String source) {
    ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    if (bytes.length < 12 || !tag(in, 0).equals("RIFF") || !tag(in, 8).equals("WAVE")) {
      throw new IllegalArgumentException(source + " is not a RIFF/WAVE file");
    }
    int position = 12;
    int rate = 0;
    int channels = 0;
    while (position + 8 <= bytes.length) {
      String id = tag(in, position);
      long size = Integer.toUnsignedLong(in.getInt(position + 4));
      int body = position + 8;
      if (id.equals("fmt ")) {
        if (size < 16 || body + 16 > bytes.length) {
          throw new IllegalArgumentException(source + ": fmt chunk is too short (" + size + " bytes)");
        }
        int format = in.getShort(body) & 0xFFFF;
        channels = in.getShort(body + 2) & 0xFFFF;
        rate = in.getInt(body + 4);
        int bits = in.getShort(body + 14) & 0xFFFF;
        if (format == FORMAT_EXTENSIBLE && size >= 40) {
          format = in.getShort(body + 24) & 0xFFFF; // first field of the sub-format GUID
        }
        if (format != FORMAT_PCM) {
          throw new IllegalArgumentException(source + ": format tag " + format + " is not integer PCM (1)");
        }
        if (bits != 16) {
          throw new IllegalArgumentException(source + ": " + bits + " bits per sample, only 16 is supported");
        }
        if (channels < 1) {
          throw new IllegalArgumentException(source + ": fmt chunk declares " + channels + " channels");
        }
      } else if (id.equals("data")) {
        if (channels == 0) {
          throw new IllegalArgumentException(source + ": data chunk comes before any fmt chunk");
        }
        long available = bytes.length - body;
        int usable = (int) Math.min(size, available);
        int frameBytes = 2 * channels;
        short[] samples = new short[usable / frameBytes * channels];
        in.position(body);
        in.asShortBuffer().get(samples);
        return new WavFile(rate, channels, samples);
      }
      position = (int) Math.min(bytes.length, body + size + (size & 1)); // chunks are word-aligned
    }
    throw new IllegalArgumentException(source + " has no " + (channels == 0 ? "fmt chunk" : "data chunk"));
  }

  /** The file as canonical 44-byte-header WAV bytes. */
  public byte[] toBytes() {
    int dataBytes = samples.length * 2;
    ByteBuffer out = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
    out.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + dataBytes);
    out.put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16);
    out.putShort((short) FORMAT_PCM).putShort((short) channels).putInt(sampleRate);
    out.putInt(sampleRate * channels * 2).putShort((short) (channels * 2)).putShort((short) 16);
    out.put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(dataBytes);
    out.asShortBuffer().put(samples);
    return out.array();
  }

  public void write(Path path) {
    try {
      Files.write(path, toBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write WAV file " + path, e);
    }
  }

  private static String tag(ByteBuffer in, int at) {
    byte[] id = new byte[4];
    in.get(at, id);
    return new String(id, java.nio.charset.StandardCharsets.US_ASCII);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof WavFile w
        && w.sampleRate == sampleRate
        && w.channels == channels
        && Arrays.equals(w.samples, samples);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * sampleRate + channels) + Arrays.hashCode(samples);
  }

  @Override
  public String toString() {
    return "WavFile[" + sampleRate + " Hz, " + channels + " ch, " + frames() + " frames]";
  }
}
