package io.switchboard.sfu.webrtc;

import java.util.Arrays;

/**
 * The Opus RTP of one published track, handed to every subscriber's {@link DownTrack}. Membership
 * changes swap an immutable array; {@link #forward} reads one snapshot and allocates nothing.
 * A video track's fan-out also keeps its recent packets for NACKs and knows how to ask the
 * publisher for a keyframe.
 */
public final class TrackFanout {
  private volatile DownTrack[] downTracks = new DownTrack[0];
  private final PacketCache cache;
  private volatile VideoCodec codec;
  private volatile Runnable keyframeRequest = () -> {};

  /** An audio fan-out. */
  public TrackFanout() {
    this(null);
  }

  private TrackFanout(PacketCache cache) {
    this.cache = cache;
  }

  /** A video fan-out with a packet cache of {@code cachedPackets} (a power of two). */
  public static TrackFanout video(int cachedPackets) {
    return new TrackFanout(new PacketCache(cachedPackets));
  }

  /** Whether this fan-out carries video. */
  public boolean isVideo() {
    return cache != null;
  }

  /** The video codec its publisher sends, once known (null before, and for audio). */
  public VideoCodec codec() {
    return codec;
  }

  PacketCache cache() {
    return cache;
  }

  /** Set when the publisher's section is bound: the codec and how to get a keyframe. */
  synchronized void bindVideo(VideoCodec codec, Runnable keyframeRequest) {
    this.codec = codec;
    this.keyframeRequest = keyframeRequest;
    for (DownTrack d : downTracks) {
      d.setPayloadType(codec.payloadType());
    }
  }

  /** A subscriber needs a keyframe (it joined, or sent PLI or FIR). */
  public void requestKeyframe() {
    keyframeRequest.run();
  }

  public synchronized void add(DownTrack downTrack) {
    if (cache != null) {
      downTrack.attachVideo(this);
    }
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
    if (cache != null) {
      cache.put(buf, off, len);
    }
    for (DownTrack d : downTracks) {
      d.forward(buf, off, len);
    }
  }
}
