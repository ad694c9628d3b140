package io.switchboard.media.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavFileTest {

  @Test
  void monoFileReadsBackIdentically(@TempDir Path dir) {
    WavFile written = WavFile.mono(16000, ToneGenerator.tone(1000, 20000, 16000, 3200));
    Path path = dir.resolve("mono.wav");
    written.write(path);
    WavFile read = WavFile.read(path);
    assertEquals(written, read);
    assertEquals(0.2, read.durationSeconds(), 1e-9);
  }

  @Test
  void stereoFileReadsBackIdentically(@TempDir Path dir) {
    short[] interleaved = {1, -1, 32767, -32768, 0, 5};
    WavFile written = new WavFile(48000, 2, interleaved);
    Path path = dir.resolve("stereo.wav");
    written.write(path);
    WavFile read = WavFile.read(path);
    assertEquals(written, read);
    assertArrayEquals(new short[] {1, 32767, 0}, read.channel(0));
    assertArrayEquals(new short[] {-1, -32768, 5}, read.channel(1));
  }

  @Test
  void writesTheCanonicalHeader() {
    byte[] bytes = WavFile.mono(8000, new short[] {0x0102}).toBytes();
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(46, bytes.length);
    assertEquals(38, b.getInt(4)); // RIFF size = file size - 8
    assertEquals(8000, b.getInt(24));
    assertEquals(16000, b.getInt(28)); // byte rate
    assertEquals(2, b.getInt(40)); // data size
    assertEquals(0x02, bytes[44]); // little-endian samples
  }

  @Test
  void readsAnFfmpegRecordingWithAListChunk() throws IOException {
    // ffmpeg -f lavfi sine 440 Hz (left) and 880 Hz (right), 8 kHz, 100 ms, with LIST/INFO.
    WavFile wav = WavFile.parse(resource("ffmpeg-stereo-440-880.wav"));
    assertEquals(8000, wav.sampleRate());
    assertEquals(2, wav.channels());
    assertEquals(800, wav.frames());
    short[] left = wav.channel(0);
    short[] right = wav.channel(1);
    assertEquals(440, Goertzel.dominant(left, 0, 800, 8000, 440, 880));
    assertEquals(880, Goertzel.dominant(right, 0, 800, 8000, 440, 880));
    assertEquals(4096, Goertzel.amplitude(left, 0, 800, 8000, 440), 60); // lavfi sine is 1/8 of full scale
  }

  @Test
  void skipsOddSizedUnknownChunksAndCutsAnOversizedDataChunk() {
    ByteBuffer b = ByteBuffer.allocate(12 + 24 + 8 + 4 + 8 + 6).order(ByteOrder.LITTLE_ENDIAN);
    b.put(ascii("RIFF")).putInt(0).put(ascii("WAVE"));
    b.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) 1).putInt(8000).putInt(16000)
        .putShort((short) 2).putShort((short) 16);
    b.put(ascii("junk")).putInt(3).put(new byte[] {9, 9, 9, 0}); // odd size plus pad byte
    b.put(ascii("data")).putInt(0xFFFFFFFF).putShort((short) 7).putShort((short) -7).putShort((short) 300);
    WavFile wav = WavFile.parse(b.array());
    assertArrayEquals(new short[] {7, -7, 300}, wav.samples());
  }

  @Test
  void acceptsExtensiblePcm() {
    ByteBuffer b = ByteBuffer.allocate(12 + 48 + 8 + 4).order(ByteOrder.LITTLE_ENDIAN);
    b.put(ascii("RIFF")).putInt(0).put(ascii("WAVE"));
    b.put(ascii("fmt ")).putInt(40).putShort((short) 0xFFFE).putShort((short) 2).putInt(16000).putInt(64000)
        .putShort((short) 4).putShort((short) 16).putShort((short) 22).putShort((short) 16).putInt(3)
        .putShort((short) 1).put(new byte[14]); // KSDATAFORMAT_SUBTYPE_PCM starts with 0x0001
    b.put(ascii("data")).putInt(4).putShort((short) 1).putShort((short) 2);
    WavFile wav = WavFile.parse(b.array());
    assertEquals(new WavFile(16000, 2, new short[] {1, 2}), wav);
  }

  @Test
  void rejectsNon16BitPcmNamingTheBitDepth() {
    byte[] bytes = WavFile.mono(8000, new short[2]).toBytes();
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putShort(34, (short) 8);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WavFile.parse(bytes));
    assertEquals("WAV data: 8 bits per sample, only 16 is supported", e.getMessage());
  }

  @Test
  void rejectsSomethingThatIsNotWav() {
    IllegalArgumentException e = assertThrows(
        IllegalArgumentException.class, () -> WavFile.parse(ascii("OggS and then some bytes")));
    assertEquals("WAV data is not a RIFF/WAVE file", e.getMessage());
  }

  private static byte[] ascii(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = WavFileTest.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return in.readAllBytes();
    }
  }
}
