package io.switchboard.bench.load;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Settings of one load run, from {@code --name value} arguments.
 *
 * @param calls number of callers; callers 2k and 2k+1 dial the same number and share a room
 * @param setupRate calls set up per second
 * @param idleSeconds server CPU measured with no calls first, as the baseline
 * @param warmupSeconds media flows this long before the window starts
 * @param measureSeconds the measurement window
 * @param serverPid the server's process id, for its CPU time; 0 to skip
 * @param rtpBase first local RTP port; caller i uses rtpBase + 2i and the next for RTCP
 */
record LoadOptions(
    InetSocketAddress server, String localAddress, int sipPort, int calls, double setupRate, int idleSeconds,
    int warmupSeconds, int measureSeconds, long serverPid, int rtpBase, Path out, String label) {

  private static final Set<String> NAMES = Set.of(
      "server", "local", "sip-port", "calls", "rate", "idle", "warmup", "measure", "server-pid", "rtp-base", "out", "label");

  LoadOptions {
    if (calls <= 0 || calls % 2 != 0) {
      throw new IllegalArgumentException("--calls must be a positive even number (rooms of two), got " + calls);
    }
    if (setupRate <= 0) {
      throw new IllegalArgumentException("--rate must be positive, got " + setupRate);
    }
    if (measureSeconds <= 0) {
      throw new IllegalArgumentException("--measure must be positive, got " + measureSeconds);
    }
    if (rtpBase <= 0 || rtpBase + 2L * calls > 65_535) {
      throw new IllegalArgumentException("--rtp-base " + rtpBase + " leaves no room for " + calls + " callers' port pairs");
    }
  }

  static LoadOptions parse(String[] args) {
    Map<String, String> given = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || !NAMES.contains(args[i].substring(2))) {
        throw new IllegalArgumentException("unknown argument " + args[i] + "; expected one of --" + String.join(" --", NAMES));
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(args[i] + " needs a value");
      }
      given.put(args[i].substring(2), args[++i]);
    }
    String server = given.getOrDefault("server", "127.0.0.1:15060");
    int colon = server.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("--server must be HOST:PORT, got " + server);
    }
    return new LoadOptions(
        new InetSocketAddress(server.substring(0, colon), Integer.parseInt(server.substring(colon + 1))),
        given.getOrDefault("local", "127.0.0.1"),
        Integer.parseInt(given.getOrDefault("sip-port", "25070")),
        Integer.parseInt(given.getOrDefault("calls", "10")),
        Double.parseDouble(given.getOrDefault("rate", "20")),
        Integer.parseInt(given.getOrDefault("idle", "5")),
        Integer.parseInt(given.getOrDefault("warmup", "10")),
        Integer.parseInt(given.getOrDefault("measure", "30")),
        Long.parseLong(given.getOrDefault("server-pid", "0")),
        Integer.parseInt(given.getOrDefault("rtp-base", "40000")),
        given.containsKey("out") ? Path.of(given.get("out")) : null,
        given.getOrDefault("label", ""));
  }
}
