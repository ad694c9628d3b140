package io.switchboard.egress.record;

import io.switchboard.media.audio.PcmFrame;
import io.switchboard.sfu.room.RoomAudioTap;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * The media-thread half of a recorder: sums the selected tracks' frames into one interleaved frame
 * per tick and hands it to the writer through a {@link FrameRing}. Allocates nothing per tick.
 *
 * <p>A room that skipped ticks (its media thread was busy) would make the file shorter than the
 * call; the tap notices from the clock and inserts silence, so file time stays call time.
 */
final class RecordingTap implements RoomAudioTap {
  static final int RATE = 48_000;
  static final int FRAME = PcmFrame.samplesPerFrame(RATE);
  private static final long FRAME_NANOS = 20_000_000L;
  /** Ticks late before silence is inserted: the media clock's own jitter stays below this. */
  private static final int LATE_TICKS = 3;

  private final ChannelMap map;
  private final int channels;
  private final int[] sum;
  private final FrameRing ring;
  private final LongSupplier nanoTime;
  private long startedAt = Long.MIN_VALUE;
  private long frames;
  private volatile long dropped;

  RecordingTap(ChannelMap map, FrameRing ring, LongSupplier nanoTime) {
    this.map = map;
    this.channels = map.channels();
    this.sum = new int[FRAME * channels];
    this.ring = ring;
    this.nanoTime = nanoTime;
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
    long now = nanoTime.getAsLong();
    if (startedAt == Long.MIN_VALUE) {
      startedAt = now;
    }
    long due = (now - startedAt) / FRAME_NANOS + 1;
    while (frames < due - LATE_TICKS) {
      push(true); // the room skipped ticks: keep the timeline
    }
    push(false);
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
