package io.switchboard.media.jitter;

/**
 * A snapshot of a {@link JitterBuffer}'s counters.
 *
 * @param received packets accepted into the buffer
 * @param lost sequence numbers that were due for playout but never arrived
 * @param late packets that arrived after their playout time (dropped)
 * @param duplicate packets already in the buffer (dropped)
 * @param concealed ticks that returned {@link JitterBuffer.PopResult#LOST}: the caller concealed
 * @param discarded frames dropped unplayed to shrink the delay
 * @param oversized packets too big for a slot (dropped)
 * @param resyncs times the buffer started over (new SSRC, sequence or timestamp jump)
 * @param targetDelayMillis the delay the buffer is steering towards
 * @param currentDelayMillis frames buffered at the last pop, in milliseconds
 * @param jitterMillis smoothed interarrival jitter (RFC 3550 §A.8 estimator)
 */
public record JitterStats(
    long received,
    long lost,
    long late,
    long duplicate,
    long concealed,
    long discarded,
    long oversized,
    long resyncs,
    int targetDelayMillis,
    int currentDelayMillis,
    double jitterMillis) {}
