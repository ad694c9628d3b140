package io.switchboard.media.resample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.testing.AllocationMeter;
import io.switchboard.media.testing.Goertzel;
import io.switchboard.media.testing.PcmRecorder;
import io.switchboard.media.testing.SignalAssert;
import io.switchboard.media.testing.SignalMetrics;
import io.switchboard.media.testing.ToneGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ResamplerTest {
  private static final double AMPLITUDE = 10000;

  /** Resamples {@code frames} 20 ms frames of a tone and returns all output. */
  static short[] resampleTone(Resampler resampler, double frequency, double amplitude, int frames) {
    ToneGenerator tone = new ToneGenerator(frequency, amplitude, resampler.inputRate());
    PcmFrame in = new PcmFrame(resampler.inputRate());
    PcmFrame out = new PcmFrame(resampler.inputRate());
    PcmRecorder recorder = new PcmRecorder(resampler.outputRate());
    for (int i = 0; i < frames; i++) {
      tone.read(in);
      resampler.process(in, out);
      recorder.write(out);
    }
    return recorder.samples();
  }

  @ParameterizedTest(name = "{0} Hz -> {1} Hz, {2} Hz tone")
  @CsvSource({
    "8000, 16000, 1000", "8000, 16000, 3400",
    "16000, 8000, 1000", "16000, 8000, 3400",
    "8000, 48000, 1000", "8000, 48000, 3400",
    "48000, 8000, 1000", "48000, 8000, 3400",
    "16000, 48000, 1000", "16000, 48000, 6800",
    "48000, 16000, 1000", "48000, 16000, 6800",
  })
  void keepsInBandTonesAtTheirFrequencyAmplitudeAndPhase(int from, int to, double frequency) {
    Resampler resampler = Resampler.between(from, to);
    short[] out = resampleTone(resampler, frequency, AMPLITUDE, 25);
    int rate = resampler.outputRate();
    int start = 5 * PcmFrame.samplesPerFrame(rate); // after the filter has filled
    int length = out.length - start;

    SignalAssert.assertTone(out, start, length, rate, frequency, -0.1, frequency / 2, frequency * 1.5);
    assertEquals(AMPLITUDE, Goertzel.amplitude(out, start, length, rate, frequency), AMPLITUDE * 0.01);

    // Sample by sample against the ideal tone delayed by the reported delay: this also proves
    // the frames join seamlessly and that delaySamples() is right.
    short[] ideal = ToneGenerator.tone(frequency, AMPLITUDE, rate, out.length + resampler.delaySamples());
    double snr = SignalMetrics.snrDb(ideal, start - resampler.delaySamples(), out, start, length);
    assertTrue(snr > 50, "SNR against the ideal tone is only " + snr + " dB");
  }

  @ParameterizedTest(name = "{0} Hz -> {1} Hz, {2} Hz tone")
  @CsvSource({
    "48000, 8000, 6000", "48000, 8000, 4600", "48000, 8000, 11000",
    "16000, 8000, 6000", "16000, 8000, 4600",
    "48000, 16000, 12000", "48000, 16000, 9000",
  })
  void removesWhatWouldAliasWhenLoweringTheRate(int from, int to, double frequency) {
    Resampler resampler = Resampler.between(from, to);
    short[] out = resampleTone(resampler, frequency, AMPLITUDE, 25);
    int start = 5 * PcmFrame.samplesPerFrame(to);
    double attenuationDb = 20 * Math.log10(AMPLITUDE / Math.sqrt(2) / SignalMetrics.rms(out, start, out.length - start));
    System.out.printf("alias attenuation %d -> %d Hz of a %.0f Hz tone: %.1f dB%n", from, to, frequency, attenuationDb);
    assertTrue(attenuationDb > 60, "only " + attenuationDb + " dB of attenuation");
  }

  @ParameterizedTest(name = "{0} Hz -> {1} Hz, {2} Hz tone, image at {3} Hz")
  @CsvSource({
    "8000, 48000, 3000, 5000", "8000, 48000, 3000, 11000", "8000, 16000, 3400, 4600",
    "16000, 48000, 6000, 10000", "16000, 48000, 6000, 22000",
  })
  void removesImagesWhenRaisingTheRate(int from, int to, double frequency, double image) {
    Resampler resampler = Resampler.between(from, to);
    short[] out = resampleTone(resampler, frequency, AMPLITUDE, 25);
    int start = 5 * PcmFrame.samplesPerFrame(to);
    double level = Goertzel.relativeDb(out, start, out.length - start, to, image);
    System.out.printf("image rejection %d -> %d Hz, %.0f Hz tone, image at %.0f Hz: %.1f dB%n",
        from, to, frequency, image, level);
    assertTrue(level < -60, "image at " + image + " Hz is at " + level + " dB");
  }

  @Test
  void framesJoinWithoutSteps() {
    Resampler resampler = Resampler.between(8000, 48000);
    short[] out = resampleTone(resampler, 1000, AMPLITUDE, 20);
    int start = PcmFrame.samplesPerFrame(48000);
    // A clean 1 kHz tone at 48 kHz never moves more than A * 2 pi * 1000 / 48000 per sample.
    int idealMaxStep = (int) Math.ceil(AMPLITUDE * 2 * Math.PI * 1000 / 48000);
    SignalAssert.assertNoClicks(out, start, out.length - start, idealMaxStep + 10);
  }

  @ParameterizedTest(name = "{0} Hz -> {1} Hz")
  @CsvSource({"8000, 48000", "48000, 8000", "16000, 48000", "48000, 16000", "8000, 16000", "16000, 8000"})
  void convertsFramesWithoutAllocating(int from, int to) {
    Resampler resampler = Resampler.between(from, to);
    PcmFrame in = new PcmFrame(from);
    new ToneGenerator(1000, AMPLITUDE, from).fill(in);
    PcmFrame out = new PcmFrame(to);
    long bytes = new AllocationMeter().bytesAllocated(2000, 1000, () -> resampler.process(in, out));
    // Anything allocated per frame would be at least 16 bytes x 1000; JIT transitions may leave a few bytes.
    assertTrue(bytes < 1000, bytes + " bytes allocated by 1000 frames");
  }

  @Test
  void reportsItsDelayAtTheOutputRate() {
    assertEquals(35, Resampler.between(48000, 8000).delaySamples());
    assertEquals(210, Resampler.between(8000, 48000).delaySamples());
    assertEquals(70, Resampler.between(8000, 16000).delaySamples());
    assertEquals(35, Resampler.between(16000, 8000).delaySamples());
    assertEquals(105, Resampler.between(16000, 48000).delaySamples());
    assertEquals(0, Resampler.between(16000, 16000).delaySamples());
  }

  @Test
  void equalRatesCopyTheFrame() {
    Resampler resampler = Resampler.between(16000, 16000);
    PcmFrame in = new PcmFrame(16000);
    new ToneGenerator(440, 5000, 16000).fill(in);
    PcmFrame out = new PcmFrame(8000);
    resampler.process(in, out);
    assertEquals(16000, out.sampleRate());
    assertArrayEquals(java.util.Arrays.copyOf(in.samples(), 320), java.util.Arrays.copyOf(out.samples(), 320));
  }

  @Test
  void resetForgetsTheStream() {
    Resampler used = Resampler.between(16000, 8000);
    resampleTone(used, 1000, AMPLITUDE, 3);
    used.reset();
    assertArrayEquals(
        resampleTone(Resampler.between(16000, 8000), 300, AMPLITUDE, 4), resampleTone(used, 300, AMPLITUDE, 4));
  }

  @Test
  void fullScaleInputDoesNotWrapAround() {
    // A full-scale square wave overshoots after filtering (Gibbs); it must clip, not wrap.
    Resampler resampler = Resampler.between(8000, 48000);
    PcmFrame in = new PcmFrame(8000);
    PcmFrame out = new PcmFrame(48000);
    for (int f = 0; f < 5; f++) {
      for (int i = 0; i < in.length(); i++) {
        in.samples()[i] = (i / 20) % 2 == 0 ? Short.MAX_VALUE : Short.MIN_VALUE;
      }
      resampler.process(in, out);
    }
    // Mid-plateau samples (input 50 is high, input 70 low; delay 210) sit at the rails.
    assertTrue(out.samples()[50 * 6 + 210] > 30000);
    assertTrue(out.samples()[70 * 6 + 210] < -30000);
  }

  @Test
  void rejectsRatesThatAreNotWholeMultiples() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Resampler.between(44100, 8000));
    assertEquals(
        "cannot resample 44100 Hz to 8000 Hz: one rate must be a whole multiple of the other, with whole 20 ms frames",
        e.getMessage());
  }

  @Test
  void rejectsAFrameAtTheWrongRate() {
    Resampler resampler = Resampler.between(8000, 16000);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> resampler.process(new PcmFrame(16000), new PcmFrame(16000)));
    assertEquals("frame at 16000 Hz given to a resampler from 8000 Hz", e.getMessage());
  }
}
