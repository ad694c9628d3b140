package io.switchboard.sip.pin;

import java.util.List;

/**
 * The lobby's audio cues. Spoken prompts need a speech synthesiser, which the JVM build does not
 * have offline yet, so each cue is a short tone pattern a caller tells apart without words:
 * <ul>
 *   <li>{@link #ENTER_PIN}: a falling two-tone chime ("ding-dong", 880 then 660 Hz), the
 *       familiar "your turn" signal;</li>
 *   <li>{@link #WRONG_PIN}: two low buzzes (200 Hz with its first harmonics), the familiar
 *       "no";</li>
 *   <li>{@link #ACCEPTED}: a rising major triad (C5, E5, G5), "welcome in".</li>
 * </ul>
 * Every segment lasts a whole number of 20 ms frames.
 */
public enum Cue {
  ENTER_PIN(List.of(Segment.tone(880, 200), Segment.silence(40), Segment.tone(660, 300))),
  WRONG_PIN(List.of(Segment.buzz(200, 260), Segment.silence(100), Segment.buzz(200, 260), Segment.silence(100))),
  ACCEPTED(List.of(Segment.tone(523.25, 120), Segment.tone(659.25, 120), Segment.tone(783.99, 240)));

  private final List<Segment> segments;

  Cue(List<Segment> segments) {
    this.segments = segments;
  }

  public List<Segment> segments() {
    return segments;
  }

  /** The cue's length in milliseconds. */
  public int millis() {
    return segments.stream().mapToInt(Segment::millis).sum();
  }

  /**
   * A stretch of a cue: a tone of {@code harmonics} partials of {@code frequency} (amplitude
   * 1/k for the k-th, a soft sawtooth when above one), or silence when {@code frequency} is 0.
   */
  public record Segment(double frequency, int harmonics, int millis) {
    public Segment {
      if (millis <= 0 || millis % 20 != 0) {
        throw new IllegalArgumentException("a cue segment lasts whole 20 ms frames, got " + millis + " ms");
      }
      if (frequency < 0 || harmonics < 1) {
        throw new IllegalArgumentException("bad cue segment: " + frequency + " Hz x" + harmonics);
      }
    }

    static Segment tone(double frequency, int millis) {
      return new Segment(frequency, 1, millis);
    }

    static Segment buzz(double frequency, int millis) {
      return new Segment(frequency, 4, millis);
    }

    static Segment silence(int millis) {
      return new Segment(0, 1, millis);
    }

    boolean silent() {
      return frequency == 0;
    }
  }
}
