package io.switchboard.sip.pin;

import io.switchboard.media.audio.AudioSink;
import io.switchboard.media.audio.AudioSource;
import io.switchboard.media.audio.PcmFrame;
import java.util.Arrays;

/** The caller's side of a lobby in unit tests: records every frame sent to it, counts reads. */
final class FakePhone implements AudioSource, AudioSink {
  private int rate;
  private short[] heard = new short[0];
  private int reads;

  FakePhone(int rate) {
    this.rate = rate;
  }

  /** The codec changed (a re-INVITE moved the call to G.722, say). */
  void switchRate(int newRate) {
    this.rate = newRate;
  }

  @Override
  public int sampleRate() {
    return rate;
  }

  @Override
  public boolean read(PcmFrame into) {
    reads++;
    return false;
  }

  @Override
  public void write(PcmFrame frame) {
    if (frame.sampleRate() != rate) {
      throw new AssertionError("frame at " + frame.sampleRate() + " Hz for a " + rate + " Hz call");
    }
    int at = heard.length;
    heard = Arrays.copyOf(heard, at + frame.length());
    System.arraycopy(frame.samples(), 0, heard, at, frame.length());
  }

  /** Everything the caller heard, in order. */
  short[] heard() {
    return heard.clone();
  }

  int reads() {
    return reads;
  }
}
