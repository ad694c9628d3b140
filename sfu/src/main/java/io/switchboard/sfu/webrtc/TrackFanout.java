package io.switchboard.sfu.webrtc;

import java.util.Arrays;

/**
 * The Opus RTP of one published track, handed to every subscriber's {@link DownTrack}. Membership
 * changes swap an immutable array; {@link #forward} reads one snapshot and allocates nothing.
 */
public final class TrackFanout {
  private volatile DownTrack[] downTracks = new DownTrack[0];

  public synchronized void add(DownTrack downTrack) {
    DownTrack[] next = Arrays.copyOf(downTracks, downTracks.length + 1);
    next[downTracks.length] = downTrack;
    downTracks = next;
  }

  public synchronized void remove(DownTrack downTrack) {
    downTracks = Arrays.stream(downTracks).filter(d -> d != downTrack).toArray(DownTrack[]::new);
  }

  public int size() {
    return downTracks.length;
  }

  public void forward(byte[] buf, int off, int len) {
    for (DownTrack d : downTracks) {
      d.forward(buf, off, len);
    }
  }
}
