package io.switchboard.bench.agents;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time of this JVM's platform threads by role, so a window's CPU can be split into the
 * calls' media work, session work (virtual threads' carriers) and the rest. The JIT compiler and
 * GC threads are not Java threads and do not appear here (the process total includes them).
 * Threads that ended during the window are not counted.
 */
final class ThreadCpu {
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final Map<Long, Long> start = new LinkedHashMap<>();

  ThreadCpu() {
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null) {
        start.put(info.getThreadId(), threads.getThreadCpuTime(info.getThreadId()));
      }
    }
  }

  /** Nanoseconds since construction by role: media, sessions, other. */
  Map<String, Long> since() {
    Map<String, Long> byRole = new LinkedHashMap<>(Map.of("media", 0L, "sessions", 0L, "other", 0L));
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      long now = threads.getThreadCpuTime(info.getThreadId());
      if (now < 0) {
        continue;
      }
      long used = now - start.getOrDefault(info.getThreadId(), 0L);
      byRole.merge(role(info.getThreadName()), used, Long::sum);
    }
    return byRole;
  }

  private static String role(String name) {
    if (name.startsWith("media-")) {
      return "media"; // room ticks: mixing, and each agent's noise suppression, VAD, turn logic
    }
    if (name.startsWith("ForkJoinPool")) {
      return "sessions"; // carriers of the virtual threads: events, replies, STT hand-offs
    }
    return "other";
  }
}
