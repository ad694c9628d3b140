package io.switchboard.egress.record;

import io.switchboard.media.audio.PcmFrame;
import io.switchboard.sfu.room.RoomAudioTap;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * The media-thread half of a recorder: sums the selected tracks' frames into one interleaved frame
 * per tick and hands it to the writer through a {@link FrameRing}. Allocates nothing per tick.
 *
 * <p>The file's timeline is the clock's: a room that skipped ticks (its media thread was busy) gets
 * silence inserted, and a burst of catch-up ticks is not recorded twice, so file time stays within
 * two frames of call time.
 */
final class RecordingTap implements RoomAudioTap {
  static final int RATE = 48_000;
  static final int FRAME = PcmFrame.samplesPerFrame(RATE);
  private static final long FRAME_NANOS = 20_000_000L;
  /** Frames the file may run behind or ahead of the clock: the media clock's own jitter stays below this. */
  private static final int SLACK = 2;

  private final ChannelMap map;
  private final int channels;
  private final int[] sum;
  private final FrameRing ring;
  private final LongSupplier nanoTime;
  private final long startedAt;
  private long frames;
  private volatile long dropped;

  RecordingTap(ChannelMap map, FrameRing ring, LongSupplier nanoTime) {
    this.map = map;
    this.channels = map.channels();
    this.sum = new int[FRAME * channels];
    this.ring = ring;
    this.nanoTime = nanoTime;
    this.startedAt = nanoTime.getAsLong();
  }

  /** Frames the recording should hold at {@code now}, counting the one being made. */
  long due(long now) {
    return (now - startedAt) / FRAME_NANOS + 1;
  }

  @Override
  public int sampleRate() {
    return RATE;
  }

  @Override
  public void onTrack(String participantSid, String trackSid, PcmFrame frame) {
    int route = map.route(participantSid, trackSid);
    if (route == ChannelMap.SKIP) {
      return;
    }
    short[] s = frame.samples();
    int offset = channels == 1 ? 0 : route - 1;
    for (int i = 0; i < FRAME; i++) {
      sum[i * channels + offset] += s[i];
    }
  }

  @Override
  public void onTickEnd() {
    long due = due(nanoTime.getAsLong());
    while (frames < due - SLACK) {
      push(true); // the room skipped ticks: keep the timeline
    }
    if (frames < due + SLACK) {
      push(false); // else the clock is catching up in a burst: this stretch is already recorded
    }
    Arrays.fill(sum, 0);
  }

  private void push(boolean silence) {
    frames++;
    short[] slot = ring.claim();
    if (slot == null) {
      dropped++;
      return;
    }
    for (int i = 0; i < sum.length; i++) {
      slot[i] = silence ? 0 : (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, sum[i]));
    }
    ring.publish();
  }

  /** Frames the writer fell too far behind to take (the disk stalled for seconds). */
  long dropped() {
    return dropped;
  }
}
