package io.switchboard.sfu.room;

import io.switchboard.media.audio.AudioSource;
import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.resample.Resampler;

/**
 * One published audio track inside the mixer. Its source is read once per tick, and each rate a
 * subscriber wants is converted once per tick and shared by all subscribers at that rate.
 * Media-thread only.
 */
final class AudioFeed {
  private static final int MAX_RATES = 4;

  final String participantSid;
  final String trackSid;
  private final AudioSource source;
  private final PcmFrame nativeFrame;
  private final int[] convertedRates = new int[MAX_RATES];
  private final Resampler[] converters = new Resampler[MAX_RATES];
  private final PcmFrame[] convertedFrames = new PcmFrame[MAX_RATES];
  private int convertedCount;
  private volatile boolean muted;
  private boolean audible;

  AudioFeed(String participantSid, String trackSid, AudioSource source) {
    this.participantSid = participantSid;
    this.trackSid = trackSid;
    this.source = source;
    this.nativeFrame = new PcmFrame(source.sampleRate());
  }

  void setMuted(boolean muted) {
    this.muted = muted;
  }

  /** Reads this tick's frame and keeps every existing converter's filter state continuous. */
  void pull() {
    int before = nativeFrame.sampleRate();
    boolean got = source.read(nativeFrame);
    if (!got) {
      nativeFrame.setSampleRate(source.sampleRate());
      nativeFrame.silence();
    }
    if (nativeFrame.sampleRate() != before) {
      // The codec changed (a re-INVITE moved G.711 to G.722, say): filters for the old rate
      // would convert the wrong way, so start over.
      convertedCount = 0;
    }
    audible = got && !muted;
    for (int i = 0; i < convertedCount; i++) {
      converters[i].process(nativeFrame, convertedFrames[i]);
    }
  }

  boolean audible() {
    return audible;
  }

  /** This tick's frame at {@code rate}; creates a converter the first time a rate is asked for. */
  PcmFrame frameAt(int rate) {
    if (rate == nativeFrame.sampleRate()) {
      return nativeFrame;
    }
    for (int i = 0; i < convertedCount; i++) {
      if (convertedRates[i] == rate) {
        return convertedFrames[i];
      }
    }
    if (convertedCount == MAX_RATES) {
      throw new IllegalStateException("too many distinct subscriber rates for track " + trackSid);
    }
    int i = convertedCount++;
    convertedRates[i] = rate;
    converters[i] = Resampler.between(nativeFrame.sampleRate(), rate);
    convertedFrames[i] = new PcmFrame(rate);
    converters[i].process(nativeFrame, convertedFrames[i]);
    return convertedFrames[i];
  }
}
