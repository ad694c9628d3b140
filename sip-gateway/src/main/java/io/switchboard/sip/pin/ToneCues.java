package io.switchboard.sip.pin;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders {@link Cue}s as 16-bit PCM at the rate a call's codec runs at (8 kHz for G.711,
 * 16 kHz for G.722), once per rate, shared by every call. Peaks stay at -10 dBFS and every
 * segment fades in and out over 5 ms so the cues do not click.
 */
public final class ToneCues {
  private static final double PEAK = 0.316 * Short.MAX_VALUE;
  private static final double FADE_SECONDS = 0.005;

  private final Map<Integer, Map<Cue, short[]>> byRate = new ConcurrentHashMap<>();

  /** The cue's samples at {@code sampleRate}. Shared: callers must not modify the array. */
  short[] samples(Cue cue, int sampleRate) {
    if (sampleRate < 8000 || sampleRate > 48000) {
      throw new IllegalArgumentException("cues are rendered at 8-48 kHz, not " + sampleRate + " Hz");
    }
    return byRate.computeIfAbsent(sampleRate, ToneCues::renderAll).get(cue);
  }

  /** A copy of the cue's samples, for tests and tools. */
  public short[] render(Cue cue, int sampleRate) {
    return samples(cue, sampleRate).clone();
  }

  private static Map<Cue, short[]> renderAll(int rate) {
    Map<Cue, short[]> cues = new EnumMap<>(Cue.class);
    for (Cue cue : Cue.values()) {
      cues.put(cue, synthesize(cue, rate));
    }
    return cues;
  }

  private static short[] synthesize(Cue cue, int rate) {
    short[] out = new short[cue.millis() * rate / 1000];
    int at = 0;
    for (Cue.Segment segment : cue.segments()) {
      int length = segment.millis() * rate / 1000;
      if (!segment.silent()) {
        renderSegment(segment, rate, out, at, length);
      }
      at += length;
    }
    return out;
  }

  private static void renderSegment(Cue.Segment segment, int rate, short[] out, int at, int length) {
    double norm = 0;
    for (int k = 1; k <= segment.harmonics(); k++) {
      norm += 1.0 / k;
    }
    int fade = (int) Math.round(FADE_SECONDS * rate);
    for (int i = 0; i < length; i++) {
      double t = (double) i / rate;
      double v = 0;
      for (int k = 1; k <= segment.harmonics(); k++) {
        double f = k * segment.frequency();
        if (f < rate / 2.0) {
          v += Math.sin(2 * Math.PI * f * t) / k;
        }
      }
      double envelope = Math.min(1.0, Math.min(i, length - 1 - i) / (double) fade);
      out[at + i] = (short) Math.round(PEAK * envelope * v / norm);
    }
  }
}
