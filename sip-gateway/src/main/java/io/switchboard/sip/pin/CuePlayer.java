package io.switchboard.sip.pin;

import io.switchboard.media.audio.PcmFrame;

/**
 * Plays one cue at a time, a 20 ms frame per call. Its position is counted in frames, not
 * samples, so a codec change mid-cue (G.711 to G.722) carries on at the same moment.
 * Allocates nothing per frame. Not thread-safe.
 */
final class CuePlayer {
  private final ToneCues cues;
  private Cue cue;
  private int frame;

  CuePlayer(ToneCues cues) {
    this.cues = cues;
  }

  void play(Cue next) {
    cue = next;
    frame = 0;
  }

  void stop() {
    cue = null;
  }

  boolean playing() {
    return cue != null;
  }

  /**
   * Fills {@code out} (at its own rate) with the cue's next frame, or silence when nothing
   * plays; the cue stops by itself after its last frame.
   */
  void fill(PcmFrame out) {
    out.silence();
    if (cue == null) {
      return;
    }
    int length = out.length();
    short[] samples = cues.samples(cue, out.sampleRate());
    int from = frame * length;
    int count = Math.min(length, samples.length - from);
    if (count > 0) {
      System.arraycopy(samples, from, out.samples(), 0, count);
    }
    frame++;
    if (frame * length >= samples.length) {
      cue = null;
    }
  }
}
