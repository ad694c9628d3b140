package io.switchboard.sfu.room;

import io.switchboard.media.audio.AudioSink;
import io.switchboard.media.audio.AudioSource;
import io.switchboard.media.audio.PcmFrame;
import java.util.Arrays;

/**
 * Mix-minus for one room. Each tick sums every audible track once per subscriber rate, then gives
 * each subscriber that total minus its own tracks: O(tracks + subscribers), not their product.
 *
 * <p>Membership changes (rare, control plane) swap immutable arrays; {@link #tick()} (media
 * thread) reads one snapshot and allocates nothing once each rate has been seen.
 */
final class RoomMixer {
  private static final int MAX_RATES = 4;

  private volatile AudioFeed[] feeds = new AudioFeed[0];
  private volatile MixSubscriber[] subscribers = new MixSubscriber[0];
  private volatile TrackTap[] trackTaps = new TrackTap[0];
  private volatile RoomAudioTap[] audioTaps = new RoomAudioTap[0];
  private final int[] rates = new int[MAX_RATES];
  private final int[][] totals = new int[MAX_RATES][];
  private int rateCount;

  synchronized void addFeed(String participantSid, String trackSid, AudioSource source) {
    AudioFeed[] next = Arrays.copyOf(feeds, feeds.length + 1);
    next[feeds.length] = new AudioFeed(participantSid, trackSid, source);
    feeds = next;
  }

  synchronized void removeFeed(String trackSid) {
    feeds = Arrays.stream(feeds).filter(f -> !f.trackSid.equals(trackSid)).toArray(AudioFeed[]::new);
  }

  void setMuted(String trackSid, boolean muted) {
    for (AudioFeed feed : feeds) {
      if (feed.trackSid.equals(trackSid)) {
        feed.setMuted(muted);
      }
    }
  }

  synchronized void subscribe(String participantSid, AudioSink sink) {
    MixSubscriber[] next = Arrays.copyOf(subscribers, subscribers.length + 1);
    next[subscribers.length] = new MixSubscriber(participantSid, sink);
    subscribers = next;
  }

  synchronized void removeParticipant(String participantSid) {
    feeds =
        Arrays.stream(feeds)
            .filter(f -> !f.participantSid.equals(participantSid))
            .toArray(AudioFeed[]::new);
    subscribers =
        Arrays.stream(subscribers)
            .filter(s -> !s.participantSid.equals(participantSid))
            .toArray(MixSubscriber[]::new);
  }

  synchronized void tap(String trackSid, AudioSink sink) {
    TrackTap[] next = Arrays.copyOf(trackTaps, trackTaps.length + 1);
    next[trackTaps.length] = new TrackTap(trackSid, sink);
    trackTaps = next;
  }

  synchronized void untap(String trackSid, AudioSink sink) {
    trackTaps = Arrays.stream(trackTaps)
        .filter(t -> !(t.trackSid.equals(trackSid) && t.sink == sink))
        .toArray(TrackTap[]::new);
  }

  synchronized void addTap(RoomAudioTap tap) {
    RoomAudioTap[] next = Arrays.copyOf(audioTaps, audioTaps.length + 1);
    next[audioTaps.length] = tap;
    audioTaps = next;
  }

  synchronized void removeTap(RoomAudioTap tap) {
    audioTaps = Arrays.stream(audioTaps).filter(t -> t != tap).toArray(RoomAudioTap[]::new);
  }

  /** Hands every audible track to every tap; a failing tap is the tap's problem, not the call's. */
  private void deliverTaps(AudioFeed[] fs) {
    for (RoomAudioTap tap : audioTaps) {
      try {
        int rate = tap.sampleRate();
        for (AudioFeed feed : fs) {
          if (feed.audible()) {
            tap.onTrack(feed.participantSid, feed.trackSid, feed.frameAt(rate));
          }
        }
        tap.onTickEnd();
      } catch (RuntimeException e) {
        removeTap(tap);
      }
    }
  }

  /** One 20 ms step: read every track once, then deliver every subscriber's mix. */
  void tick() {
    AudioFeed[] fs = feeds;
    MixSubscriber[] ss = subscribers;
    for (AudioFeed feed : fs) {
      feed.pull();
    }
    for (TrackTap tap : trackTaps) {
      tap.deliver(fs);
    }
    deliverTaps(fs);
    if (ss.length == 0) {
      return;
    }
    for (int r = 0; r < rateCount; r++) {
      sum(fs, rates[r], totals[r]);
    }
    for (MixSubscriber sub : ss) {
      int rate = sub.sink.sampleRate();
      int[] total = totalFor(fs, rate);
      writeMixMinus(fs, sub, total, rate);
    }
  }

  private int[] totalFor(AudioFeed[] fs, int rate) {
    for (int r = 0; r < rateCount; r++) {
      if (rates[r] == rate) {
        return totals[r];
      }
    }
    if (rateCount == MAX_RATES) {
      throw new IllegalStateException("too many distinct subscriber rates");
    }
    rates[rateCount] = rate;
    totals[rateCount] = new int[PcmFrame.samplesPerFrame(rate)];
    sum(fs, rate, totals[rateCount]);
    return totals[rateCount++];
  }

  private static void sum(AudioFeed[] fs, int rate, int[] total) {
    Arrays.fill(total, 0);
    for (AudioFeed feed : fs) {
      if (feed.audible()) {
        short[] s = feed.frameAt(rate).samples();
        for (int i = 0; i < total.length; i++) {
          total[i] += s[i];
        }
      }
    }
  }

  private static void writeMixMinus(AudioFeed[] fs, MixSubscriber sub, int[] total, int rate) {
    int n = total.length;
    int[] acc = sub.scratch;
    System.arraycopy(total, 0, acc, 0, n);
    for (AudioFeed feed : fs) {
      if (feed.audible() && feed.participantSid.equals(sub.participantSid)) {
        short[] own = feed.frameAt(rate).samples();
        for (int i = 0; i < n; i++) {
          acc[i] -= own[i];
        }
      }
    }
    PcmFrame out = sub.out;
    out.setSampleRate(rate);
    short[] o = out.samples();
    for (int i = 0; i < n; i++) {
      o[i] = clip(acc[i]);
    }
    sub.sink.write(out);
  }

  private static short clip(int v) {
    return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
  }

  /** One track's own audio (not a mix) for one sink, silence while it is muted or quiet. */
  private static final class TrackTap {
    final String trackSid;
    final AudioSink sink;
    final PcmFrame silence;

    TrackTap(String trackSid, AudioSink sink) {
      this.trackSid = trackSid;
      this.sink = sink;
      this.silence = new PcmFrame(sink.sampleRate());
    }

    void deliver(AudioFeed[] fs) {
      for (AudioFeed feed : fs) {
        if (feed.trackSid.equals(trackSid)) {
          sink.write(feed.audible() ? feed.frameAt(sink.sampleRate()) : silence);
          return;
        }
      }
    }
  }
}
