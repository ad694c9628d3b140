package io.switchboard.agent.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.agent.audio.rnnoise.RnnoiseSuppressor;
import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.filter.AudioFilter;
import io.switchboard.media.testing.AllocationMeter;
import io.switchboard.media.testing.SignalMetrics;
import io.switchboard.media.testing.ToneGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The phone-leg adapter: a 48 kHz suppressor behind 8, 16 and 48 kHz frames. A recording
 * suppressor that halves the signal shows the plumbing; RNNoise itself shows the effect.
 */
class SuppressorFilterTest {

  /** Opens streams that halve every sample and remember which frames and rates they saw. */
  private static final class Halving implements NoiseSuppressor {
    final List<Integer> openedAt = new ArrayList<>();
    final List<PcmFrame> seen = new ArrayList<>();
    boolean record = true;

    @Override
    public Stream open(int sampleRate) {
      openedAt.add(sampleRate);
      return frame -> {
        assertEquals(SuppressorFilter.WIDE_RATE, frame.sampleRate(), "the suppressor gets 48 kHz frames");
        if (record && !seen.contains(frame)) {
          seen.add(frame);
        }
        short[] s = frame.samples();
        for (int i = 0; i < frame.length(); i++) {
          s[i] = (short) (s[i] / 2);
        }
      };
    }
  }

  /** Runs a 1 kHz tone at {@code rate} through {@code filter}; RMS in dBFS of the last 100 ms. */
  private static double toneLevelThrough(AudioFilter filter, int rate, double amplitude) {
    ToneGenerator tone = new ToneGenerator(1000, amplitude, rate);
    PcmFrame frame = new PcmFrame(rate);
    int n = PcmFrame.samplesPerFrame(rate);
    short[] tail = new short[5 * n];
    for (int f = 0; f < 25; f++) {
      tone.fill(frame);
      filter.process(frame);
      assertEquals(rate, frame.sampleRate(), "the frame comes back at its own rate");
      if (f >= 20) {
        System.arraycopy(frame.samples(), 0, tail, (f - 20) * n, n);
      }
    }
    return SignalMetrics.rmsDbfs(tail, 0, tail.length);
  }

  @Test
  void phoneRatesGoThroughTheSuppressorAt48kAndComeBackInPlace() {
    Halving halving = new Halving();
    SuppressorFilter filter = new SuppressorFilter(halving);
    double in = 20 * Math.log10(8000 / Math.sqrt(2) / 32768.0);
    for (int rate : new int[] {8_000, 16_000, 48_000, 8_000}) {
      double out = toneLevelThrough(filter, rate, 8000);
      System.out.printf("suppressor filter at %d Hz: tone %.2f dBFS -> %.2f dBFS%n", rate, in, out);
      assertEquals(in - 6.02, out, 0.5, "halved (-6 dB) at " + rate + " Hz, not lost or doubled");
    }
    assertEquals(List.of(48_000), halving.openedAt, "one suppressor stream for the whole call, at 48 kHz");
    // 8 and 16 kHz share the one 48 kHz buffer; 48 kHz frames go straight through (the caller's own).
    assertEquals(2, halving.seen.size(), "frames seen: one wide buffer shared by 8 and 16 kHz, the caller's 48 kHz frame");
  }

  @Test
  void convertingAFrameAllocatesNothing() {
    Halving halving = new Halving();
    halving.record = false;
    SuppressorFilter filter = new SuppressorFilter(halving);
    PcmFrame frame = new PcmFrame(8_000);
    ToneGenerator tone = new ToneGenerator(440, 5000, 8_000);
    long bytes = new AllocationMeter().bytesAllocated(2_000, 1_000, () -> {
      tone.fill(frame);
      filter.process(frame);
    });
    assertTrue(bytes < 1_000, "1000 frames at 8 kHz allocated " + bytes + " bytes");
  }

  @Test
  void ratesThatDoNotDivide48kAreRefusedByName() {
    SuppressorFilter filter = new SuppressorFilter(new Halving());
    var e = assertThrows(IllegalArgumentException.class, () -> filter.process(new PcmFrame(44_100)));
    assertTrue(e.getMessage().contains("44100"), e.getMessage());
  }

  @Test
  void aSuppressorThatCannotLoadSaysWhyAndIsNotRetried() {
    AtomicInteger loads = new AtomicInteger();
    SuppressorFilters filters = new SuppressorFilters("RNNoise", () -> {
      loads.incrementAndGet();
      throw new IllegalStateException("rnnoise.wasm is not on the classpath");
    });
    for (int i = 0; i < 3; i++) {
      var e = assertThrows(IllegalStateException.class, filters::open);
      assertTrue(e.getMessage().startsWith("RNNoise did not load") && e.getMessage().contains("rnnoise.wasm"),
          e.getMessage());
    }
    assertEquals(1, loads.get(), "loaded once");
  }

  @Test
  void rnnoiseQuietsNoiseOnAnG711RateLegAndStreamsAreIndependent() {
    AtomicInteger loads = new AtomicInteger();
    SuppressorFilters filters = new SuppressorFilters("RNNoise", () -> {
      loads.incrementAndGet();
      return RnnoiseSuppressor.load();
    });
    AudioFilter first = filters.open();
    AudioFilter second = filters.open();
    int rate = 8_000;
    int n = PcmFrame.samplesPerFrame(rate);
    PinkNoise noise = new PinkNoise(new Random(5), 1600);
    PcmFrame frame = new PcmFrame(rate);
    short[] before = new short[50 * n];
    short[] after = new short[50 * n];
    for (int f = 0; f < 100; f++) { // 2 s of pink noise at about -23 dBFS (a fan, a street)
      noise.fill(frame.samples(), n);
      if (f >= 50) {
        System.arraycopy(frame.samples(), 0, before, (f - 50) * n, n);
      }
      first.process(frame);
      if (f >= 50) {
        System.arraycopy(frame.samples(), 0, after, (f - 50) * n, n);
      }
    }
    double noiseIn = SignalMetrics.rmsDbfs(before, 0, before.length);
    double noiseOut = SignalMetrics.rmsDbfs(after, 0, after.length);
    System.out.printf("rnnoise on an 8 kHz leg: pink noise %.1f dBFS -> %.1f dBFS%n", noiseIn, noiseOut);
    assertTrue(noiseOut < noiseIn - 10, "noise " + noiseIn + " -> " + noiseOut + " dBFS");
    assertEquals(1, loads.get(), "RNNoise loads once per server");
    assertNotSame(first, second, "each call gets its own filter (its own RNNoise state)");
  }

  /** Pink (1/f) noise from white, by Paul Kellet's three-pole filter: steady background noise. */
  private static final class PinkNoise {
    private final Random random;
    private final double scale;
    private double b0;
    private double b1;
    private double b2;

    PinkNoise(Random random, double scale) {
      this.random = random;
      this.scale = scale;
    }

    void fill(short[] into, int count) {
      for (int i = 0; i < count; i++) {
        double w = random.nextGaussian();
        b0 = 0.99765 * b0 + w * 0.0990460;
        b1 = 0.96300 * b1 + w * 0.2965164;
        b2 = 0.57000 * b2 + w * 1.0526913;
        double v = (b0 + b1 + b2 + w * 0.1848) * 0.5 * scale;
        into[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(v)));
      }
    }
  }
}
