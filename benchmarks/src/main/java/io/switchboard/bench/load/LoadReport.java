package io.switchboard.bench.load;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns one load run's raw measurements into the figures the benchmark reports. */
final class LoadReport {
  private final LoadOptions options;
  private final Map<String, Object> out = new LinkedHashMap<>();

  LoadReport(LoadOptions options) {
    this.options = options;
    out.put("label", options.label());
    out.put("calls", options.calls());
    out.put("rooms", options.calls() / 2);
    out.put("measure_seconds", options.measureSeconds());
  }

  Map<String, Object> toMap() {
    return out;
  }

  void setup(List<SipDialog> dialogs) {
    Histogram answer = new Histogram(10, 10_000_000);
    Histogram ringing = new Histogram(10, 10_000_000);
    int failed = 0;
    List<String> reasons = new ArrayList<>();
    for (SipDialog d : dialogs) {
      if (d.answered.isCompletedExceptionally()) {
        failed++;
        d.answered.exceptionally(e -> {
          if (reasons.size() < 5) {
            reasons.add(e.toString());
          }
          return null;
        });
        continue;
      }
      answer.add((d.answeredNanos - d.inviteSentNanos) / 1000);
      if (d.ringingNanos != 0) {
        ringing.add((d.ringingNanos - d.inviteSentNanos) / 1000);
      }
    }
    Map<String, Object> setup = new LinkedHashMap<>();
    setup.put("rate_cps", options.setupRate());
    setup.put("answered", dialogs.size() - failed);
    setup.put("failed", failed);
    setup.put("failure_examples", reasons);
    setup.put("invite_to_180_ms", percentiles(ringing));
    setup.put("invite_to_200_ms", percentiles(answer));
    out.put("setup", setup);
  }

  void cpu(ProcSample idleStart, ProcSample idleEnd, ProcSample start, ProcSample end) {
    double idle = idleStart.serverCpuPercent(idleEnd);
    double busy = start.serverCpuPercent(end);
    Map<String, Object> cpu = new LinkedHashMap<>();
    cpu.put("window_seconds", start.seconds(end));
    cpu.put("server_idle_percent_of_core", idle);
    cpu.put("server_percent_of_core", busy);
    cpu.put("server_percent_per_call", busy / options.calls());
    cpu.put("server_percent_per_call_above_idle", (busy - idle) / options.calls());
    cpu.put("generator_percent_of_core", start.selfCpuPercent(end));
    cpu.put("load_average_start", start.loadAverage());
    cpu.put("load_average_end", end.loadAverage());
    cpu.put("udp_receive_buffer_errors", end.udpReceiveBufferErrors() - start.udpReceiveBufferErrors());
    cpu.put("udp_in_errors", end.udpInErrors() - start.udpInErrors());
    Map<String, Object> threads = new LinkedHashMap<>();
    end.serverThreads().entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - start.serverThreads().getOrDefault(e.getKey(), 0L)))
        .filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
        .limit(10)
        .forEach(e -> threads.put(e.getKey(), start.percent(e.getValue(), end)));
    cpu.put("server_threads_percent_of_core", threads);
    out.put("cpu", cpu);
  }

  void media(List<Caller> callers, MediaEngine media, List<SipDialog> dialogs) {
    long expected = 0;
    long lost = 0;
    long frames = 0;
    long audible = 0;
    long silent = 0;
    long echo = 0;
    long maxGap = 0;
    long notSent = 0;
    double jitterSum = 0;
    double jitterMax = 0;
    long serverReports = 0;
    double serverJitterSum = 0;
    long serverJitterMax = 0;
    long serverLost = 0;
    int serverStreams = 0;
    Histogram pdv = new Histogram(StreamStats.PDV_BIN_MICROS, 1_000_000);
    int streams = 0;
    for (Caller c : callers) {
      StreamStats s = c.stats;
      if (s.received == 0) {
        continue;
      }
      streams++;
      expected += s.expected();
      lost += s.lost();
      notSent += s.framesNotSent();
      frames += s.frames;
      audible += s.audibleFrames;
      silent += s.silentFrames;
      echo += s.echoFrames;
      maxGap = Math.max(maxGap, s.maxGapNanos);
      jitterSum += s.jitterMicros;
      jitterMax = Math.max(jitterMax, s.maxJitterMicros);
      int fastest = 0;
      while (fastest < s.pdv.length && s.pdv[fastest] == 0) {
        fastest++;
      }
      for (int b = fastest; b < s.pdv.length; b++) {
        pdv.add((long) (b - fastest) * StreamStats.PDV_BIN_MICROS, s.pdv[b]);
      }
      if (c.serverView.reports > 0) {
        serverStreams++;
        serverReports += c.serverView.reports;
        serverJitterSum += c.serverView.jitter;
        serverJitterMax = Math.max(serverJitterMax, c.serverView.maxJitter);
        serverLost += c.serverView.cumulativeLost;
      }
    }
    long droppedByServer = dialogs.stream().filter(d -> d.endedByServer).count();
    Map<String, Object> heard = new LinkedHashMap<>();
    heard.put("streams", streams);
    heard.put("calls_hung_up_by_server", droppedByServer);
    heard.put("packets_expected", expected);
    heard.put("packets_lost", lost);
    heard.put("loss_percent", expected == 0 ? Double.NaN : 100.0 * lost / expected);
    heard.put("frames_not_sent_by_server", notSent);
    heard.put("rfc3550_jitter_mean_ms", streams == 0 ? Double.NaN : jitterSum / streams / 1000);
    heard.put("rfc3550_jitter_max_ms", jitterMax / 1000);
    heard.put("delay_variation_ms", percentiles(pdv));
    heard.put("max_interarrival_gap_ms", maxGap / 1e6);
    heard.put("frames", frames);
    heard.put("frames_with_partner_tone_percent", frames == 0 ? Double.NaN : 100.0 * audible / frames);
    heard.put("silent_frames_percent", frames == 0 ? Double.NaN : 100.0 * silent / frames);
    heard.put("frames_with_own_tone_echoed", echo);
    out.put("received_by_callers", heard);

    Map<String, Object> server = new LinkedHashMap<>();
    server.put("streams_reported", serverStreams);
    server.put("reports", serverReports);
    server.put("rfc3550_jitter_mean_ms", serverStreams == 0 ? Double.NaN : serverJitterSum / serverStreams / 8.0);
    server.put("rfc3550_jitter_max_ms", serverJitterMax / 8.0);
    server.put("cumulative_lost", serverLost);
    out.put("received_by_server_rtcp", server);

    out.put("one_way_latency_ms", percentiles(media.latency));
    Map<String, Object> generator = new LinkedHashMap<>();
    generator.put("sender_tick_lateness_ms", percentiles(media.senderLateness));
    generator.put("send_failures", media.sendFailures);
    out.put("generator", generator);
  }

  void teardown(List<SipDialog> dialogs) {
    long ok = dialogs.stream().filter(d -> d.hungUp.getNow(-1) == 200).count();
    long retransmitted = dialogs.stream()
        .mapToLong(d -> (d.inviteRetransmitter == null ? 0 : d.inviteRetransmitter.retransmissions)
            + (d.byeRetransmitter == null ? 0 : d.byeRetransmitter.retransmissions))
        .sum();
    Map<String, Object> teardown = new LinkedHashMap<>();
    teardown.put("bye_200", ok);
    teardown.put("sip_retransmissions", retransmitted);
    out.put("teardown", teardown);
  }

  private static Map<String, Object> percentiles(Histogram h) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("n", h.count());
    p.put("min", h.minMillis());
    p.put("p50", h.percentileMillis(50));
    p.put("p90", h.percentileMillis(90));
    p.put("p99", h.percentileMillis(99));
    p.put("p99.9", h.percentileMillis(99.9));
    p.put("max", h.maxMillis());
    return p;
  }
}
