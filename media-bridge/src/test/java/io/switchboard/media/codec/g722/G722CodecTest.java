package io.switchboard.media.codec.g722;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class G722CodecTest {
  private static final int RATE = 16000;
  /**
   * Analysis plus synthesis QMF: two 24-tap filters delay by 23 samples, less one because each
   * pair of outputs is produced as soon as the newer of its two input samples arrives (1.4 ms).
   */
  private static final int CODEC_DELAY = 22;
  private static final int FRAMES = 50;

  /** Encodes and decodes {@code frames} frames of {@code source}, returning input and output. */
  private static short[][] roundTrip(ToneGenerator source, int frames) {
    G722Encoder encoder = new G722Encoder();
    G722Decoder decoder = new G722Decoder();
    PcmFrame in = new PcmFrame(RATE);
    PcmFrame out = new PcmFrame(RATE);
    byte[] payload = new byte[200];
    PcmRecorder sent = new PcmRecorder(RATE);
    PcmRecorder received = new PcmRecorder(RATE);
    for (int f = 0; f < frames; f++) {
      source.read(in);
      sent.write(in);
      assertEquals(160, encoder.encode(in, payload, 0));
      decoder.decode(payload, 0, 160, out);
      received.write(out);
    }
    return new short[][] {sent.samples(), received.samples()};
  }

  @ParameterizedTest(name = "{0} Hz")
  @ValueSource(ints = {1000, 6000})
  void toneSurvivesWithItsFrequencyAndGoodSnr(int frequency) {
    short[][] io = roundTrip(new ToneGenerator(frequency, 10000, RATE), FRAMES);
    short[] sent = io[0];
    short[] received = io[1];
    int start = 10 * 320; // after the ADPCM has adapted
    int length = sent.length - start - CODEC_DELAY;

    SignalAssert.assertTone(received, start, length, RATE, frequency, -0.5, 1000, 2000, 3000, 5000, 6000, 7000);
    double snr = SignalAssert.assertSnr(sent, start, received, start + CODEC_DELAY, length, 20);
    System.out.printf("G.722 %d Hz tone: SNR %.1f dB after %d samples of delay%n", frequency, snr, CODEC_DELAY);
  }

  @Test
  void delayIsThe22SamplesOfTheFilterBank() {
    // A tone's delay is ambiguous by its period; a tone gliding in frequency is not.
    G722Encoder encoder = new G722Encoder();
    G722Decoder decoder = new G722Decoder();
    PcmFrame in = new PcmFrame(RATE);
    PcmFrame out = new PcmFrame(RATE);
    byte[] payload = new byte[160];
    PcmRecorder sent = new PcmRecorder(RATE);
    PcmRecorder received = new PcmRecorder(RATE);
    double phase = 0;
    for (int f = 0; f < 20; f++) {
      for (int i = 0; i < 320; i++) {
        double t = (f * 320 + i) / (double) RATE;
        phase += 2 * Math.PI * (200 + 12000 * t) / RATE; // 200 Hz rising 12 kHz per second
        in.samples()[i] = (short) (8000 * Math.sin(phase));
      }
      sent.write(in);
      encoder.encode(in, payload, 0);
      decoder.decode(payload, 0, 160, out);
      received.write(out);
    }
    assertEquals(CODEC_DELAY, SignalMetrics.delay(sent.samples(), 1600, received.samples(), 4000, 60));
  }

  @ParameterizedTest(name = "{0} Hz")
  @ValueSource(ints = {100, 300, 1000, 2000, 3000, 3800, 4200, 5000, 6000, 7000})
  void passBandIsFlatAcrossBothSubBands(int frequency) {
    // A swapped QMF even/odd pairing still passes low tones but dips ~14 dB around 3 and 5 kHz.
    short[] received = roundTrip(new ToneGenerator(frequency, 8000, RATE), 30)[1];
    int start = 10 * 320;
    double amplitude = Goertzel.amplitude(received, start, received.length - start, RATE, frequency);
    double gainDb = 20 * Math.log10(amplitude / 8000);
    System.out.printf("G.722 gain at %d Hz: %.2f dB%n", frequency, gainDb);
    assertEquals(0, gainDb, 1.0, "gain at " + frequency + " Hz");
  }

  @Test
  void silenceStaysNearSilent() {
    short[] received = roundTrip(new ToneGenerator(0, 0, RATE), 20)[1];
    SignalAssert.assertQuiet(received, 0, received.length, 2);
  }

  @Test
  void encodingIsDeterministic() {
    byte[] first = encodeSpeechLikeMix(new G722Encoder());
    byte[] second = encodeSpeechLikeMix(new G722Encoder());
    assertArrayEquals(first, second);
  }

  private static byte[] encodeSpeechLikeMix(G722Encoder encoder) {
    ToneGenerator low = new ToneGenerator(440, 6000, RATE);
    ToneGenerator high = new ToneGenerator(5300, 3000, RATE);
    PcmFrame a = new PcmFrame(RATE);
    PcmFrame b = new PcmFrame(RATE);
    byte[] out = new byte[10 * 160];
    for (int f = 0; f < 10; f++) {
      low.read(a);
      high.read(b);
      for (int i = 0; i < 320; i++) {
        a.samples()[i] += b.samples()[i];
      }
      encoder.encode(a, out, f * 160);
    }
    return out;
  }

  @Test
  void concealmentRepeatsTheToneAndFadesItOut() {
    G722Encoder encoder = new G722Encoder();
    G722Decoder decoder = new G722Decoder();
    ToneGenerator tone = new ToneGenerator(1000, 10000, RATE);
    PcmFrame in = new PcmFrame(RATE);
    PcmFrame out = new PcmFrame(RATE);
    byte[] payload = new byte[160];
    for (int f = 0; f < 10; f++) {
      tone.read(in);
      encoder.encode(in, payload, 0);
      decoder.decode(payload, 0, 160, out);
    }
    double before = SignalMetrics.rms(out.samples(), 0, 320);

    decoder.conceal(out);
    SignalAssert.assertTone(out.samples(), 0, 320, RATE, 1000, -1, 500, 2000);
    double first = SignalMetrics.rms(out.samples(), 0, 320);
    assertTrue(first > 0.7 * before && first < before, "first concealed frame rms " + first + " vs " + before);

    for (int lost = 2; lost <= FadingRepeat.FADE_FRAMES; lost++) {
      decoder.conceal(out);
    }
    assertTrue(SignalMetrics.rms(out.samples(), 0, 320) < 0.2 * before, "faded by the last concealed frame");
    decoder.conceal(out);
    SignalAssert.assertQuiet(out.samples(), 0, 320, 0);

    // Packets resume: faded in, so the first samples stay below the tone's level.
    tone.read(in);
    encoder.encode(in, payload, 0);
    decoder.decode(payload, 0, 160, out);
    assertTrue(SignalMetrics.peak(out.samples(), 0, 10) < 3000, "fade-in starts from silence");
  }

  @Test
  void concealmentBeforeAnyPacketIsSilence() {
    PcmFrame out = new PcmFrame(8000);
    new G722Decoder().conceal(out);
    assertEquals(RATE, out.sampleRate());
    SignalAssert.assertQuiet(out.samples(), 0, 320, 0);
  }

  @Test
  void encodingAndDecodingAllocateNothing() {
    G722Encoder encoder = new G722Encoder();
    G722Decoder decoder = new G722Decoder();
    PcmFrame in = new PcmFrame(RATE);
    new ToneGenerator(1000, 10000, RATE).fill(in);
    PcmFrame out = new PcmFrame(RATE);
    byte[] payload = new byte[160];
    long bytes = new AllocationMeter().bytesAllocated(2000, 1000, () -> {
      encoder.encode(in, payload, 0);
      decoder.decode(payload, 0, 160, out);
    });
    assertTrue(bytes < 1000, bytes + " bytes allocated by 1000 frames");
  }

  @Test
  void describesTheSdpCodec() {
    AudioCodec codec = G722.codec();
    assertEquals("G722", codec.name());
    assertEquals(9, codec.staticPayloadType());
    assertEquals(8000, codec.clockRate());
    assertEquals(16000, codec.sampleRate());
    assertEquals(160, codec.timestampsPerFrame());
    assertEquals(16000, codec.encoders().get().sampleRate());
    assertEquals(16000, codec.decoders().get().sampleRate());
  }

  @Test
  void rejectsAPayloadThatIsNot20Ms() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new G722Decoder().decode(new byte[240], 0, 240, new PcmFrame(RATE)));
    assertEquals("G.722 payload of 240 bytes; a 20 ms frame is 160 bytes", e.getMessage());
  }

  @Test
  void rejectsAFrameAtTheWrongRate() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new G722Encoder().encode(new PcmFrame(8000), new byte[160], 0));
    assertEquals("G.722 encodes 16000 Hz frames, got 8000 Hz", e.getMessage());
  }
}
