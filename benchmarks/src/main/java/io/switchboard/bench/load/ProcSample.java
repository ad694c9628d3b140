package io.switchboard.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A reading of Linux's process accounting at one instant: CPU time of the server (in total and
 * per thread, grouped by thread name), of this generator, the load average and the host's UDP
 * receive errors. Differences between two readings give the figures of a window.
 *
 * @param serverTicks user + system clock ticks of the server process (USER_HZ, 100 per second)
 * @param serverThreads ticks per thread-name group ("media-0" and "media-1" are "media-")
 */
record ProcSample(
    long nanos, long serverTicks, Map<String, Long> serverThreads, long selfTicks, String loadAverage,
    long udpReceiveBufferErrors, long udpInErrors) {
  static final int TICKS_PER_SECOND = 100;

  static ProcSample take(long serverPid) throws IOException {
    long[] udp = udpErrors();
    return new ProcSample(
        System.nanoTime(), serverPid > 0 ? ticks(Path.of("/proc", Long.toString(serverPid), "stat")) : 0,
        serverPid > 0 ? threads(serverPid) : Map.of(), ticks(Path.of("/proc/self/stat")),
        readLoadAverage(), udp[0], udp[1]);
  }

  /** Fields 14 and 15 of /proc/PID/stat (utime, stime), counted after the ")" ending the name. */
  static long ticks(Path stat) throws IOException {
    String text = Files.readString(stat);
    String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  private static Map<String, Long> threads(long pid) throws IOException {
    Map<String, Long> groups = new HashMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : tasks.toList()) {
        try {
          String text = Files.readString(task.resolve("stat"));
          String name = text.substring(text.indexOf('(') + 1, text.lastIndexOf(')'));
          groups.merge(group(name), ticks(task.resolve("stat")), Long::sum);
        } catch (IOException gone) {
          // the thread ended between listing and reading
        }
      }
    }
    return groups;
  }

  /** A thread name without its trailing number: pools show up as one line. */
  static String group(String threadName) {
    return threadName.replaceAll("[0-9]+$", "").replaceAll("#$", "#");
  }

  private static String readLoadAverage() throws IOException {
    String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
    return f[0] + " " + f[1] + " " + f[2];
  }

  /** RcvbufErrors and InErrors of the Udp line in /proc/net/snmp. */
  private static long[] udpErrors() throws IOException {
    List<String> udp = Files.readAllLines(Path.of("/proc/net/snmp")).stream().filter(l -> l.startsWith("Udp:")).toList();
    if (udp.size() < 2) {
      return new long[] {-1, -1};
    }
    List<String> names = List.of(udp.get(0).split("\\s+"));
    String[] values = udp.get(1).split("\\s+");
    return new long[] {
      Long.parseLong(values[names.indexOf("RcvbufErrors")]), Long.parseLong(values[names.indexOf("InErrors")])
    };
  }

  double seconds(ProcSample later) {
    return (later.nanos - nanos) / 1e9;
  }

  /** Percent of one core the server used between this reading and {@code later}. */
  double serverCpuPercent(ProcSample later) {
    return percent(later.serverTicks - serverTicks, later);
  }

  double selfCpuPercent(ProcSample later) {
    return percent(later.selfTicks - selfTicks, later);
  }

  double percent(long ticks, ProcSample later) {
    return 100.0 * ticks / TICKS_PER_SECOND / seconds(later);
  }
}
