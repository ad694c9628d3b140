package io.switchboard.server.e2e;

import io.switchboard.media.testing.Goertzel;
import io.switchboard.media.testing.WavFile;

/**
 * What a phone recorded, looked at in 100 ms windows every 20 ms: when a tone is there, and
 * whether it came before or after another.
 */
final class Heard {
  private static final int WINDOW_MS = 100;
  private static final int STEP_MS = 20;
  private static final double PRESENT = 2000;
  private static final double ABSENT = 300;
  private static final double[] LANDMARKS = {200, 440, 523.25, 660, 783.99, 880, 1000};

  private final short[] samples;
  private final int rate;

  Heard(WavFile recording) {
    this.samples = recording.samples();
    this.rate = recording.sampleRate();
  }

  int millis() {
    return (int) (samples.length * 1000L / rate);
  }

  private double level(int fromMs, double frequency) {
    return Goertzel.amplitude(samples, fromMs * rate / 1000, WINDOW_MS * rate / 1000, rate, frequency);
  }

  private int lastWindow() {
    return millis() - WINDOW_MS;
  }

  /** Start of the first window where {@code frequency} is clearly there, or -1. */
  int firstMillisWith(double frequency) {
    for (int ms = 0; ms <= lastWindow(); ms += STEP_MS) {
      if (level(ms, frequency) > PRESENT) {
        return ms;
      }
    }
    return -1;
  }

  /**
   * Where to look for {@code frequency} from another phone that joined the call at its own pace:
   * half a second after it first came, but not before {@code notBeforeMs}; {@code notBeforeMs} if
   * it never came, so that a check there fails.
   */
  int settledMillisOf(double frequency, int notBeforeMs) {
    return Math.max(notBeforeMs, firstMillisWith(frequency) + 500);
  }

  /**
   * The median level of {@code frequency} over the 100 ms windows of {@code lengthMs} from
   * {@code fromMs}. A tone heard throughout keeps its level here even where a late or concealed
   * packet broke its phase: that spoils one short window, but much of one long Goertzel window
   * (a busy machine breaks it often enough to halve a 2 s window's level).
   */
  double medianLevel(int fromMs, int lengthMs, double frequency) {
    int count = Math.max(0, Math.min(lengthMs, millis() - fromMs) / WINDOW_MS);
    double[] levels = new double[count];
    for (int i = 0; i < count; i++) {
      levels[i] = level(fromMs + i * WINDOW_MS, frequency);
    }
    java.util.Arrays.sort(levels);
    return count == 0 ? 0 : levels[count / 2];
  }

  /** Whether {@code frequency} is clearly there in some window that ends before {@code endMs}. */
  boolean hasBefore(int endMs, double frequency) {
    for (int ms = 0; ms <= lastWindow() && ms + WINDOW_MS <= endMs; ms += STEP_MS) {
      if (level(ms, frequency) > PRESENT) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code frequency} is absent from every window that ends before {@code endMs}. */
  boolean quietBefore(int endMs, double frequency) {
    for (int ms = 0; ms <= lastWindow() && ms + WINDOW_MS <= endMs; ms += STEP_MS) {
      if (level(ms, frequency) > ABSENT) {
        return false;
      }
    }
    return true;
  }

  /** Milliseconds from {@code fromMs} on in which {@code frequency} is clearly there. */
  int lastsFrom(int fromMs, double frequency) {
    int present = 0;
    for (int ms = fromMs; ms <= lastWindow(); ms += STEP_MS) {
      if (level(ms, frequency) > PRESENT) {
        present += STEP_MS;
      }
    }
    return present;
  }

  /** The loudest landmark tone of every 100 ms, for failure messages. */
  String describe() {
    StringBuilder b = new StringBuilder("recording of " + millis() + " ms:");
    for (int ms = 0; ms <= lastWindow(); ms += WINDOW_MS) {
      double best = Goertzel.dominant(samples, ms * rate / 1000, WINDOW_MS * rate / 1000, rate, LANDMARKS);
      double level = level(ms, best);
      b.append(ms % 1000 == 0 ? "\n  " + ms / 1000.0 + "s" : "").append(' ')
          .append(level < ABSENT ? "-" : (int) best + "Hz");
    }
    return b.toString();
  }
}
