package io.switchboard.bench.agents;

import io.switchboard.agent.audio.SuppressorFilter;
import io.switchboard.agent.audio.rnnoise.RnnoiseSuppressor;
import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.filter.AudioFilter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Random;

/**
 * What {@code krisp_enabled} costs per call: thread CPU time of the per-call RNNoise filter
 * ({@link SuppressorFilter}) on one 20 ms phone frame at 8 kHz (G.711), 16 kHz (G.722) and 48 kHz
 * (Opus), after a warm-up long enough for the JIT to compile Chicory's generated code. Prints the
 * median of 10 rounds of 500 frames and the share of one core a call takes (ms per 20 ms).
 *
 * <p>Run: {@code java -cp <benchmarks classpath> io.switchboard.bench.agents.KrispFilterCost}
 */
public final class KrispFilterCost {
  private static final int WARM_UP_FRAMES = 3000;
  private static final int ROUNDS = 10;
  private static final int FRAMES_PER_ROUND = 500;

  private KrispFilterCost() {}

  public static void main(String[] args) {
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    long loadStart = System.nanoTime();
    RnnoiseSuppressor rnnoise = RnnoiseSuppressor.load();
    System.out.printf("RNNoise load (compile to bytecode): %.0f ms wall, load average %.1f%n",
        (System.nanoTime() - loadStart) / 1e6, load);
    for (int rate : new int[] {8_000, 16_000, 48_000}) {
      AudioFilter filter = new SuppressorFilter(rnnoise);
      PcmFrame frame = new PcmFrame(rate);
      Random random = new Random(rate);
      long warmStart = cpu.getCurrentThreadCpuTime();
      for (int f = 0; f < WARM_UP_FRAMES; f++) {
        fill(frame, random);
        filter.process(frame);
      }
      double warmUpCpuSeconds = (cpu.getCurrentThreadCpuTime() - warmStart) / 1e9;
      double[] msPerFrame = new double[ROUNDS];
      for (int r = 0; r < ROUNDS; r++) {
        long noiseCpu = 0;
        long start = cpu.getCurrentThreadCpuTime();
        for (int f = 0; f < FRAMES_PER_ROUND; f++) {
          long n0 = cpu.getCurrentThreadCpuTime();
          fill(frame, random);
          noiseCpu += cpu.getCurrentThreadCpuTime() - n0;
          filter.process(frame);
        }
        msPerFrame[r] = (cpu.getCurrentThreadCpuTime() - start - noiseCpu) / 1e6 / FRAMES_PER_ROUND;
      }
      Arrays.sort(msPerFrame);
      double median = msPerFrame[ROUNDS / 2];
      System.out.printf("%d Hz leg: %.2f ms CPU per 20 ms frame (rounds %.2f..%.2f) = %.1f %% of a core per call;"
              + " warm-up of %d frames took %.1f s CPU%n",
          rate, median, msPerFrame[0], msPerFrame[ROUNDS - 1], median / PcmFrame.DURATION_MS * 100,
          WARM_UP_FRAMES, warmUpCpuSeconds);
    }
  }

  private static void fill(PcmFrame frame, Random random) {
    short[] s = frame.samples();
    for (int i = 0; i < frame.length(); i++) {
      s[i] = (short) (random.nextGaussian() * 1000);
    }
  }
}
