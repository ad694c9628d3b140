package io.switchboard.bench.agents;

import io.switchboard.agent.Agent;
import io.switchboard.agent.AgentSession;
import io.switchboard.agent.audio.NoiseSuppressor;
import io.switchboard.agent.audio.rnnoise.RnnoiseSuppressor;
import io.switchboard.agent.tts.freetts.FreeTtsTextToSpeech;
import io.switchboard.agent.vad.VadStream;
import io.switchboard.agent.vad.silero.SileroVad;
import io.switchboard.media.audio.PcmFrame;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Concurrent agent calls per core with the embedded Silero VAD and RNNoise on the caller's audio.
 * Each call is a room ticked every 20 ms in real time, a caller saying a FreeTTS sentence over
 * -45 dBFS noise every 6 s, and a session whose STT, LLM and TTS answer at once (their cost is
 * the provider's, not ours). The process's CPU time over the measured window, divided by calls
 * and seconds, gives CPU per session-second; its inverse is sessions per core. First the raw
 * costs: one Silero inference and one RNNoise frame, single-threaded.
 *
 * <p>Usage: AgentCapacity [calls per step, default "2 4 8"] [seconds measured, default 30]
 * [noise suppression: rnnoise (default) or none]
 */
public final class AgentCapacity {
  private static final int RATE = 16_000;
  /** Before measuring: sessions settle, the JIT finishes (also per step: new rooms, new streams). */
  private static final long WARMUP_SECONDS = 15;

  private AgentCapacity() {}

  public static void main(String[] args) throws Exception {
    int[] steps = args.length > 0 ? parse(args[0]) : new int[] {2, 4, 8};
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    boolean suppress = args.length <= 2 || !args[2].equals("none");
    SileroVad vad = SileroVad.load();
    RnnoiseSuppressor rnnoise = RnnoiseSuppressor.load();
    NoiseSuppressor sessionsSuppressor = suppress ? rnnoise : NoiseSuppressor.NONE;
    short[] request;
    short[] answer;
    try (FreeTtsTextToSpeech freetts = new FreeTtsTextToSpeech()) {
      request = speak(freetts, "I would like to book a table for four people tomorrow evening, please.");
      answer = speak(freetts, "Of course. A table for four tomorrow at seven.");
    }
    short[] noise = noise(RATE * 3, 180, new Random(1));
    rawCosts(vad, rnnoise, request, noise);
    System.out.printf(Locale.ROOT, "caller speech: %.1f s FreeTTS sentence every 6 s over noise; agent answer %.1f s; noise suppression: %s%n",
        request.length / (double) RATE, answer.length / (double) RATE, suppress ? "RNNoise" : "none");
    if (java.util.Arrays.stream(steps).anyMatch(c -> c > 0)) {
      System.out.println("warm-up step (2 calls, not counted): the JIT is still compiling the calls' code");
      measure(2, 10, vad, sessionsSuppressor, request, answer, noise);
    }
    for (int calls : steps) {
      if (calls <= 0) {
        continue; // "0": raw costs only
      }
      measure(calls, seconds, vad, sessionsSuppressor, request, answer, noise);
    }
    vad.close();
  }

  /**
   * Single-threaded CPU cost of one Silero inference and of RNNoise: rounds of frames until the JIT
   * has compiled them (Chicory's generated RNNoise code takes C2 many seconds), then the median
   * and the best of the last rounds (the best is the least disturbed by other processes).
   */
  private static void rawCosts(SileroVad vad, RnnoiseSuppressor rnnoise, short[] speech, short[] noise) {
    PcmFrame frame = new PcmFrame(RATE);
    VadStream silero = vad.open();
    double[] perFrame = rounds(12, 1_000, f -> {
      fill(frame, speech, noise, f);
      silero.process(frame);
    });
    double inferencesPerFrame = 320.0 / 512; // one 512-sample window per 32 ms
    System.out.printf(Locale.ROOT, "raw: Silero VAD, one inference (32 ms window at 16 kHz): median %.3f ms, best %.3f ms%n",
        perFrame[0] / inferencesPerFrame, perFrame[1] / inferencesPerFrame);
    silero.close();
    PcmFrame wide = new PcmFrame(48_000);
    NoiseSuppressor.Stream at48 = rnnoise.open(48_000);
    perFrame = rounds(12, 500, f -> {
      for (int i = 0; i < wide.length(); i++) {
        wide.samples()[i] = noise[(f * wide.length() + i) % noise.length];
      }
      at48.process(wide); // two 10 ms RNNoise frames, no rate conversion
    });
    System.out.printf(Locale.ROOT, "raw: RNNoise, one 10 ms frame at 48 kHz: median %.3f ms, best %.3f ms%n",
        perFrame[0] / 2, perFrame[1] / 2);
    NoiseSuppressor.Stream at16 = rnnoise.open(RATE);
    perFrame = rounds(6, 500, f -> {
      fill(frame, speech, noise, f);
      at16.process(frame);
    });
    System.out.printf(Locale.ROOT, "raw: RNNoise on a 20 ms frame at 16 kHz (with 16<->48 kHz conversion): median %.3f ms, best %.3f ms%n",
        perFrame[0], perFrame[1]);
    at48.close();
    at16.close();
  }

  /**
   * Runs {@code rounds} rounds of {@code frames} calls; returns {median, best} ms per call of the
   * second half. Timed in this thread's CPU time, so other processes on a shared machine only
   * count through the caches they disturb, not through the time they take the CPU away.
   */
  private static double[] rounds(int rounds, int frames, java.util.function.IntConsumer call) {
    var threads = ManagementFactory.getThreadMXBean();
    double[] ms = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      long start = threads.getCurrentThreadCpuTime();
      for (int f = 0; f < frames; f++) {
        call.accept(r * frames + f);
      }
      ms[r] = (threads.getCurrentThreadCpuTime() - start) / 1e6 / frames;
    }
    double[] settled = java.util.Arrays.copyOfRange(ms, rounds / 2, rounds);
    return new double[] {Rig.percentile(settled, 50), Rig.percentile(settled, 0)};
  }

  private static void measure(int calls, int seconds, SileroVad vad, NoiseSuppressor rnnoise,
      short[] request, short[] answer, short[] noise) throws Exception {
    try (Rig rig = new Rig()) {
      List<BenchCaller> callers = new ArrayList<>();
      List<AgentSession> sessions = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        AgentSession session = AgentSession.builder()
            .noiseSuppressor(rnnoise)
            .vad(vad)
            .stt(InstantModels.stt("I would like to book a table.", rig.virtualThreads, null))
            .llm(InstantModels.llm("Of course. A table for four tomorrow at seven.", null))
            .tts(InstantModels.tts(answer, null))
            .executor(rig.virtualThreads)
            .build();
        BenchCaller caller = new BenchCaller(RATE, rotate(noise, i * 1601));
        rig.call("capacity-" + i, caller, session, new Agent("You take bookings."));
        callers.add(caller);
        sessions.add(session);
      }
      // Each caller speaks every 6 s, the calls spread evenly over those 6 s.
      long start = System.nanoTime();
      long warmupEnd = start + WARMUP_SECONDS * 1_000_000_000L;
      long end = warmupEnd + seconds * 1_000_000_000L;
      long[] nextSay = new long[calls];
      for (int i = 0; i < calls; i++) {
        nextSay[i] = start + 6_000_000_000L * i / calls;
      }
      var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      long cpuAtStart = -1;
      ThreadCpu byRole = null;
      long[] readsAtStart = new long[calls];
      while (System.nanoTime() < end) {
        long now = System.nanoTime();
        if (cpuAtStart < 0 && now >= warmupEnd) {
          cpuAtStart = os.getProcessCpuTime();
          byRole = new ThreadCpu();
          for (int i = 0; i < calls; i++) {
            readsAtStart[i] = callers.get(i).reads();
          }
          start = now;
        }
        for (int i = 0; i < calls; i++) {
          if (now >= nextSay[i]) {
            callers.get(i).say(request);
            nextSay[i] += 6_000_000_000L;
          }
        }
        Thread.sleep(5);
      }
      long cpu = os.getProcessCpuTime() - cpuAtStart;
      var roles = byRole.since();
      double wall = (System.nanoTime() - start) / 1e9;
      long frames = 0;
      for (int i = 0; i < calls; i++) {
        frames += callers.get(i).reads() - readsAtStart[i];
      }
      double expected = calls * wall * 50;
      // Per second of call audio actually processed: if ticks fell behind, fewer frames were.
      double sessionSeconds = frames * 0.020;
      double calls_ = roles.get("media") + roles.get("sessions");
      System.out.printf(Locale.ROOT,
          "calls %3d: frames processed %.1f %% of real time; load %s; process CPU %.1f %% of one core%n"
              + "  calls' own work (media + session threads): %.1f ms CPU per session-second = %.2f %% of a core per call -> %.1f sessions per core"
              + " (media %.1f, sessions %.1f ms)%n"
              + "  whole process (adds JIT compilation, GC, the driver): %.1f ms CPU per session-second -> %.1f sessions per core%n",
          calls, 100.0 * frames / expected, loadAverage(), 100.0 * cpu / 1e9 / wall,
          calls_ / 1e6 / sessionSeconds, calls_ / 1e7 / sessionSeconds, 1e9 * sessionSeconds / calls_,
          roles.get("media") / 1e6 / sessionSeconds, roles.get("sessions") / 1e6 / sessionSeconds,
          cpu / 1e6 / sessionSeconds, 1e9 * sessionSeconds / cpu);
      sessions.forEach(AgentSession::close);
    }
  }

  private static short[] speak(FreeTtsTextToSpeech tts, String text) throws InterruptedException {
    short[][] buf = {new short[RATE * 8]};
    int[] n = {0};
    tts.synthesize(text, (s, o, len) -> {
      if (n[0] + len > buf[0].length) {
        buf[0] = java.util.Arrays.copyOf(buf[0], 2 * (n[0] + len));
      }
      System.arraycopy(s, o, buf[0], n[0], len);
      n[0] += len;
    });
    int whole = n[0] / 320 * 320;
    return java.util.Arrays.copyOf(buf[0], whole);
  }

  private static short[] noise(int samples, double sigma, Random random) {
    short[] s = new short[samples];
    for (int i = 0; i < samples; i++) {
      s[i] = (short) Math.round(random.nextGaussian() * sigma);
    }
    return s;
  }

  private static short[] rotate(short[] s, int by) {
    short[] r = new short[s.length];
    for (int i = 0; i < s.length; i++) {
      r[i] = s[(i + by) % s.length];
    }
    return r;
  }

  private static void fill(PcmFrame frame, short[] speech, short[] noise, int f) {
    short[] out = frame.samples();
    for (int i = 0; i < frame.length(); i++) {
      int at = f * frame.length() + i;
      out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, speech[at % speech.length] + noise[at % noise.length]));
    }
  }

  private static String loadAverage() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
    } catch (java.io.IOException e) {
      return "?";
    }
  }

  private static int[] parse(String list) {
    return java.util.Arrays.stream(list.trim().split("[ ,]+")).mapToInt(Integer::parseInt).toArray();
  }
}
