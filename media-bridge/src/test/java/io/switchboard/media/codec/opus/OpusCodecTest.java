package io.switchboard.media.codec.opus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.codec.AudioCodec;
import io.switchboard.media.testing.AllocationMeter;
import io.switchboard.media.testing.Goertzel;
import io.switchboard.media.testing.PcmRecorder;
import io.switchboard.media.testing.SignalAssert;
import io.switchboard.media.testing.SignalMetrics;
import io.switchboard.media.testing.ToneGenerator;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpusCodecTest {
  private static final int RATE = 48000;
  private static OpusRuntime runtime;

  private OpusEncoder encoder;
  private OpusDecoder decoder;
  private final PcmFrame in = new PcmFrame(RATE);
  private final PcmFrame out = new PcmFrame(RATE);
  private final byte[] payload = new byte[OpusEncoder.MAX_PAYLOAD];

  @BeforeAll
  static void loadLibopus() {
    runtime = OpusRuntime.load();
  }

  @BeforeEach
  void createCodec() {
    encoder = runtime.newEncoder(new OpusEncoderSettings(32_000, 10, true, 20, false, true));
    decoder = runtime.newDecoder();
  }

  @AfterEach
  void closeCodec() {
    encoder.close();
    decoder.close();
  }

  @Test
  void prefersTheSystemLibopus() {
    OpusLibraryInfo library = runtime.library();
    System.out.println("Opus library: " + library);
    assertTrue(library.version().startsWith("libopus "), library.version());
    if (Files.isRegularFile(OpusRuntime.DEBIAN_LIBRARY)) {
      assertEquals(new OpusLibraryInfo(library.version(), OpusRuntime.DEBIAN_LIBRARY.toString(), false), library);
    } else {
      assertTrue(library.bundled(), "falls back to the bundled build");
    }
  }

  @Test
  void toneKeepsItsFrequencyThroughEncodeAndDecode() {
    ToneGenerator tone = new ToneGenerator(1000, 10000, RATE);
    PcmRecorder received = new PcmRecorder(RATE);
    int bytes = 0;
    for (int f = 0; f < 50; f++) {
      tone.read(in);
      int length = encoder.encode(in, payload, 0);
      bytes += length;
      decoder.decode(payload, 0, length, out);
      received.write(out);
    }
    short[] decoded = received.samples();
    int start = 10 * 960;
    int length = decoded.length - start;
    SignalAssert.assertTone(decoded, start, length, RATE, 1000, -1, 500, 2000, 3000);
    double amplitude = Goertzel.amplitude(decoded, start, length, RATE, 1000);
    assertEquals(10000, amplitude, 10000 * 0.2, "1 kHz amplitude after Opus");
    System.out.printf("Opus 1 kHz at 32 kbit/s: %.0f bytes/frame, amplitude %.0f%n", bytes / 50.0, amplitude);
  }

  @Test
  void concealmentContinuesTheSignal() {
    ToneGenerator tone = new ToneGenerator(1000, 10000, RATE);
    for (int f = 0; f < 20; f++) {
      tone.read(in);
      decoder.decode(payload, 0, encoder.encode(in, payload, 0), out);
    }
    PcmFrame concealed = new PcmFrame(8000);
    decoder.conceal(concealed);
    assertEquals(RATE, concealed.sampleRate());
    SignalAssert.assertTone(concealed.samples(), 0, 960, RATE, 1000, -3, 500, 2000);
    assertTrue(SignalMetrics.rms(concealed.samples(), 0, 960) > 1000, "concealment is not silence");
  }

  @Test
  void fecRecoversALostFrameThatConcealmentCannotGuess() {
    // The tone jumps from 1 kHz to 2 kHz in the frame that is lost: concealment extrapolates
    // 1 kHz, while the redundancy in the next packet carries the 2 kHz. Opus delays by 6.5 ms
    // (312 samples), so the jump shows in the last third of the recovered frame.
    OpusDecoder concealing = runtime.newDecoder();
    ToneGenerator before = new ToneGenerator(1000, 10000, RATE);
    ToneGenerator after = new ToneGenerator(2000, 10000, RATE);
    for (int f = 0; f < 20; f++) {
      before.read(in);
      int length = encoder.encode(in, payload, 0);
      decoder.decode(payload, 0, length, out);
      concealing.decode(payload, 0, length, out);
    }
    after.read(in);
    encoder.encode(in, payload, 0); // lost in transit
    after.read(in);
    int next = encoder.encode(in, payload, 0);

    PcmFrame recovered = new PcmFrame(RATE);
    decoder.decodeFec(payload, 0, next, recovered);
    PcmFrame guessed = new PcmFrame(RATE);
    concealing.conceal(guessed);
    concealing.close();

    int tail = 640;
    SignalAssert.assertTone(recovered.samples(), tail, 320, RATE, 2000, -3, 1000);
    double recovered2k = Goertzel.amplitude(recovered.samples(), tail, 320, RATE, 2000);
    double guessed2k = Goertzel.amplitude(guessed.samples(), tail, 320, RATE, 2000);
    System.out.printf("Opus FEC: 2 kHz amplitude %.0f recovered vs %.0f concealed%n", recovered2k, guessed2k);
    assertTrue(recovered2k > 4 * guessed2k, "FEC " + recovered2k + " vs concealment " + guessed2k);

    decoder.decode(payload, 0, next, out);
    SignalAssert.assertTone(out.samples(), 0, 960, RATE, 2000, -3, 1000);
  }

  @Test
  void corruptOrOverlongPacketsAreConcealedAndCounted() {
    ToneGenerator tone = new ToneGenerator(1000, 10000, RATE);
    tone.read(in);
    int length = encoder.encode(in, payload, 0);
    decoder.decode(payload, 0, length, out);

    // TOC code 3 (RFC 6716 §3.2.5) with a frame count of 0 is malformed.
    decoder.decode(new byte[] {0x03, 0x00}, 0, 2, out);
    assertEquals(1, decoder.invalidPackets());
    assertEquals(960, out.length());

    // The same frame twice as one code-1 packet (§3.2.3) is valid Opus but 40 ms long.
    byte[] twoFrames = new byte[2 * length - 1];
    twoFrames[0] = (byte) ((payload[0] & 0xFC) | 1);
    System.arraycopy(payload, 1, twoFrames, 1, length - 1);
    System.arraycopy(payload, 1, twoFrames, length, length - 1);
    decoder.decode(twoFrames, 0, twoFrames.length, out);
    assertEquals(2, decoder.invalidPackets());
    assertEquals("payload was not one 20 ms frame of at most 1500 bytes", decoder.lastInvalidReason());
  }

  @Test
  void decodesAPayloadInTheMiddleOfABuffer() {
    new ToneGenerator(1000, 10000, RATE).fill(in);
    int length = encoder.encode(in, payload, 12);
    decoder.decode(payload, 12, length, out);
    assertEquals(0, decoder.invalidPackets());
  }

  @Test
  void encodingDecodingAndConcealingAllocateNothing() {
    new ToneGenerator(1000, 10000, RATE).fill(in);
    long bytes = new AllocationMeter().bytesAllocated(500, 500, () -> {
      int length = encoder.encode(in, payload, 0);
      decoder.decode(payload, 0, length, out);
      decoder.decodeFec(payload, 0, length, out);
      decoder.conceal(out);
    });
    assertTrue(bytes < 500, bytes + " bytes allocated by 500 frames");
  }

  @Test
  void describesTheSdpCodec() {
    AudioCodec codec = runtime.codec();
    assertEquals("opus", codec.name());
    assertEquals(-1, codec.staticPayloadType());
    assertEquals(48000, codec.clockRate());
    assertEquals(960, codec.timestampsPerFrame());
    assertEquals(48000, codec.encoders().get().sampleRate());
  }

  @Test
  void refusesToUseAClosedEncoder() {
    OpusEncoder closed = runtime.newEncoder();
    closed.close();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> closed.encode(in, payload, 0));
    assertEquals("the Opus codec state has been closed", e.getMessage());
  }

  @Test
  void rejectsAFrameAtTheWrongRate() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> encoder.encode(new PcmFrame(16000), payload, 0));
    assertEquals("Opus encodes 48000 Hz frames, got 16000 Hz", e.getMessage());
  }

  @Test
  void rejectsSettingsOutOfRange() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new OpusEncoderSettings(32_000, 11, false, 0, false, false));
    assertEquals("Opus complexity must be within 0..10: 11", e.getMessage());
  }
}
