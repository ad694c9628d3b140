package io.switchboard.bench.jmh;

import io.switchboard.media.jitter.JitterBuffer;
import io.switchboard.media.jitter.JitterBufferConfig;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One packet's life in the jitter buffer at steady state: insert a 160-byte G.711 payload, then
 * pop the frame due this tick. "reordered" swaps every other pair of packets on arrival.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class JitterBufferBenchmark {
  @Param({"in-order", "reordered"})
  public String arrival;

  private static final int SSRC = 0x1234_5678;
  private final byte[] payload = new byte[160];
  private JitterBuffer buffer;
  private boolean reorder;
  private long n;

  @Setup
  public void setUp() {
    buffer = new JitterBuffer(JitterBufferConfig.defaults(8000));
    reorder = arrival.equals("reordered");
    for (int i = 0; i < 50; i++) {
      step();
    }
  }

  @Benchmark
  public JitterBuffer.PopResult insertAndPop() {
    return step();
  }

  private JitterBuffer.PopResult step() {
    long i = n++;
    // With reordering, packets arrive as 1 0 3 2 5 4 ...: each pair is swapped.
    long seq = reorder ? (i ^ 1) : i;
    long arrivalMillis = i * 20;
    buffer.insert(SSRC, (int) (seq & 0xFFFF), (int) (seq * 160), payload, 0, payload.length, arrivalMillis);
    return buffer.pop();
  }
}
