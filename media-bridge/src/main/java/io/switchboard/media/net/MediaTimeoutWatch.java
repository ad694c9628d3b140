package io.switchboard.media.net;

import java.time.Duration;

/**
 * Decides media timeouts from clock readings: no RTP for {@code initial} after the leg opened,
 * or for {@code ongoing} after the last packet. Each silent spell is reported once.
 */
final class MediaTimeoutWatch {
  private final long openedMillis;
  private final long initialMillis;
  private final long ongoingMillis;
  private long reportedFor = Long.MIN_VALUE;

  MediaTimeoutWatch(long openedMillis, Duration initial, Duration ongoing) {
    this.openedMillis = openedMillis;
    this.initialMillis = initial.toMillis();
    this.ongoingMillis = ongoing.toMillis();
  }

  /**
   * @param lastMediaMillis clock reading of the last accepted RTP packet, 0 if none yet
   * @return how long media has been silent if that is a new timeout, otherwise null
   */
  Duration check(long nowMillis, long lastMediaMillis) {
    boolean neverReceived = lastMediaMillis == 0;
    long since = neverReceived ? openedMillis : lastMediaMillis;
    long limit = neverReceived ? initialMillis : ongoingMillis;
    if (nowMillis - since < limit || reportedFor == since) {
      return null;
    }
    reportedFor = since;
    return Duration.ofMillis(nowMillis - since);
  }
}
