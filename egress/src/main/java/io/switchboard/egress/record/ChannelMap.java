package io.switchboard.egress.record;

import java.util.Set;

/**
 * Which tracks a recording takes and, in stereo, which side each goes to. Changed by the control
 * plane as people join and leave (whole arrays swapped); read by the media thread without locks.
 */
public final class ChannelMap {
  /** Where a track goes. */
  public static final int SKIP = 0;
  public static final int LEFT = 1;
  public static final int RIGHT = 2;

  private final boolean stereo;
  private volatile String onlyParticipant;
  private volatile String onlyTrack;
  private volatile String[] left = new String[0];

  private ChannelMap(boolean stereo, String onlyParticipant, String onlyTrack) {
    this.stereo = stereo;
    this.onlyParticipant = onlyParticipant;
    this.onlyTrack = onlyTrack;
  }

  /** Every track, mixed to one channel. */
  public static ChannelMap everyone() {
    return new ChannelMap(false, null, null);
  }

  /** Every track; those of the participants set by {@link #setLeft} on the left, the rest right. */
  public static ChannelMap split() {
    return new ChannelMap(true, null, null);
  }

  /** One participant's tracks (none until {@link #setParticipant} names its sid). */
  public static ChannelMap participant() {
    return new ChannelMap(false, "", null);
  }

  public static ChannelMap track(String trackSid) {
    return new ChannelMap(false, null, trackSid);
  }

  public int channels() {
    return stereo ? 2 : 1;
  }

  public void setParticipant(String participantSid) {
    onlyParticipant = participantSid == null ? "" : participantSid;
  }

  public void setLeft(Set<String> participantSids) {
    left = participantSids.toArray(String[]::new);
  }

  /** {@link #SKIP}, {@link #LEFT} (also: the one channel of a mono recording) or {@link #RIGHT}. */
  int route(String participantSid, String trackSid) {
    String track = onlyTrack;
    if (track != null && !track.equals(trackSid)) {
      return SKIP;
    }
    String participant = onlyParticipant;
    if (participant != null && !participant.equals(participantSid)) {
      return SKIP;
    }
    if (!stereo) {
      return LEFT;
    }
    for (String sid : left) {
      if (sid.equals(participantSid)) {
        return LEFT;
      }
    }
    return RIGHT;
  }
}
