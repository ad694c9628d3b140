package io.switchboard.bench.jmh;

import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.resample.Resampler;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Converting one 20 ms frame between the telephone and the WebRTC rates. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ResamplerBenchmark {
  /** input:output rates in Hz. */
  @Param({"8000:48000", "48000:8000", "16000:48000", "48000:16000", "8000:16000"})
  public String rates;

  private Resampler resampler;
  private PcmFrame in;
  private PcmFrame out;

  @Setup
  public void setUp() {
    String[] r = rates.split(":");
    int from = Integer.parseInt(r[0]);
    int to = Integer.parseInt(r[1]);
    resampler = Resampler.between(from, to);
    in = Signals.frame(from, 2);
    out = new PcmFrame(to);
  }

  @Benchmark
  public PcmFrame processFrame() {
    resampler.process(in, out);
    return out;
  }
}
