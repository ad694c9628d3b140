package io.switchboard.sfu.transport;

import java.util.concurrent.atomic.LongAdder;

/** Allocation-free counters behind {@link TransportStats}. */
final class TransportCounters {
  final LongAdder rtpReceived = new LongAdder();
  final LongAdder rtcpReceived = new LongAdder();
  final LongAdder srtpRejected = new LongAdder();
  final LongAdder droppedBeforeKeys = new LongAdder();
  final LongAdder unknownDropped = new LongAdder();
  final LongAdder sent = new LongAdder();
  final LongAdder sendFailures = new LongAdder();

  TransportStats snapshot() {
    return new TransportStats(
        rtpReceived.sum(),
        rtcpReceived.sum(),
        srtpRejected.sum(),
        droppedBeforeKeys.sum(),
        unknownDropped.sum(),
        sent.sum(),
        sendFailures.sum());
  }
}
