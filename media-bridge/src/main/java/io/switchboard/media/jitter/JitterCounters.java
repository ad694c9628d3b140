package io.switchboard.media.jitter;

/** Mutable counters behind {@link JitterStats}; kept apart so the buffer reads as logic. */
final class JitterCounters {
  long received;
  long lost;
  long late;
  long duplicate;
  long concealed;
  long discarded;
  long oversized;
  long resyncs;

  JitterStats snapshot(int targetDelayMillis, int currentDelayMillis, double jitterMillis) {
    return new JitterStats(
        received, lost, late, duplicate, concealed, discarded, oversized, resyncs,
        targetDelayMillis, currentDelayMillis, jitterMillis);
  }
}
