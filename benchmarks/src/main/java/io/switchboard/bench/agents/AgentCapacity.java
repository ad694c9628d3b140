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
 * <p>Usage: AgentCapacity [calls per step, default "10 25 50"] [seconds measured, default 30]
 */
public final class AgentCapacity {
  private static final int RATE = 16_000;

  private AgentCapacity() {}

  public static void main(String[] args) throws Exception {
    int[] steps = args.length > 0 ? parse(args[0]) : new int[] {10, 25, 50};
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    SileroVad vad = SileroVad.load();
    RnnoiseSuppressor rnnoise = RnnoiseSuppressor.load();
    short[] request;
    short[] answer;
    try (FreeTtsTextToSpeech freetts = new FreeTtsTextToSpeech()) {
      request = speak(freetts, "I would like to book a table for four people tomorrow evening, please.");
      answer = speak(freetts, "Of course. A table for four tomorrow at seven.");
    }
    short[] noise = noise(RATE * 3, 180, new Random(1));
    rawCosts(vad, rnnoise, request, noise);
    System.out.printf(Locale.ROOT, "caller speech: %.1f s FreeTTS sentence every 6 s over noise; agent answer %.1f s%n",
        request.length / (double) RATE, answer.length / (double) RATE);
    for (int calls : steps) {
      measure(calls, seconds, vad, rnnoise, request, answer, noise);
    }
    vad.close();
  }

  /** Single-threaded cost of one Silero inference and of RNNoise, after warm-up. */
  private static void rawCosts(SileroVad vad, RnnoiseSuppressor rnnoise, short[] speech, short[] noise) {
    PcmFrame frame = new PcmFrame(RATE);
    VadStream stream = vad.open();
    int frames = 5_000;
    for (int round = 0; round < 2; round++) { // the first round warms up
      long start = System.nanoTime();
      for (int f = 0; f < frames; f++) {
        fill(frame, speech, noise, f);
        stream.process(frame);
      }
      long nanos = System.nanoTime() - start;
      if (round == 1) {
        double inferences = frames * 320.0 / 512; // one 512-sample window per 32 ms
        System.out.printf(Locale.ROOT, "raw: Silero VAD, one inference (32 ms window at 16 kHz): %.3f ms (%.3f ms per 20 ms frame)%n",
            nanos / 1e6 / inferences, nanos / 1e6 / frames);
      }
    }
    stream.close();
    PcmFrame wide = new PcmFrame(48_000);
    NoiseSuppressor.Stream at48 = rnnoise.open(48_000);
    NoiseSuppressor.Stream at16 = rnnoise.open(RATE);
    for (int round = 0; round < 2; round++) {
      long start = System.nanoTime();
      for (int f = 0; f < 2_000; f++) {
        java.util.Arrays.fill(wide.samples(), (short) 0);
        for (int i = 0; i < wide.length(); i++) {
          wide.samples()[i] = noise[(f * wide.length() + i) % noise.length];
        }
        at48.process(wide); // two 10 ms RNNoise frames, no rate conversion
      }
      long wideNanos = System.nanoTime() - start;
      start = System.nanoTime();
      for (int f = 0; f < 2_000; f++) {
        fill(frame, speech, noise, f);
        at16.process(frame);
      }
      long narrowNanos = System.nanoTime() - start;
      if (round == 1) {
        System.out.printf(Locale.ROOT, "raw: RNNoise, one 10 ms frame at 48 kHz: %.3f ms; a 20 ms frame at 16 kHz incl. 16<->48 kHz conversion: %.3f ms%n",
            wideNanos / 1e6 / 4_000, narrowNanos / 1e6 / 2_000);
      }
    }
    at48.close();
    at16.close();
  }

  private static void measure(int calls, int seconds, SileroVad vad, RnnoiseSuppressor rnnoise,
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
      long warmupEnd = start + 10_000_000_000L;
      long end = warmupEnd + seconds * 1_000_000_000L;
      long[] nextSay = new long[calls];
      for (int i = 0; i < calls; i++) {
        nextSay[i] = start + 6_000_000_000L * i / calls;
      }
      var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      long cpuAtStart = -1;
      long[] readsAtStart = new long[calls];
      while (System.nanoTime() < end) {
        long now = System.nanoTime();
        if (cpuAtStart < 0 && now >= warmupEnd) {
          cpuAtStart = os.getProcessCpuTime();
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
      double wall = (System.nanoTime() - start) / 1e9;
      long frames = 0;
      for (int i = 0; i < calls; i++) {
        frames += callers.get(i).reads() - readsAtStart[i];
      }
      double expected = calls * wall * 50;
      double perSessionSecond = cpu / 1e9 / (calls * wall);
      System.out.printf(Locale.ROOT,
          "calls %3d: process CPU %.1f %% of one core; %.2f ms CPU per session-second (%.2f %% of a core per call) -> %.0f sessions per core; "
              + "caller frames delivered %.1f %% of real time; load %s%n",
          calls, 100.0 * cpu / 1e9 / wall, perSessionSecond * 1e3, perSessionSecond * 100, 1 / perSessionSecond,
          100.0 * frames / expected, loadAverage());
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
