package io.switchboard.bench.load;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Bridged-call load against a running Switchboard: N callers in rooms of two, each sending a
 * G.711 tone with a marker burst every second and measuring what it hears from its partner
 * (RFC 3550 loss and jitter, delay variation, audible frames, one-way latency of the marker),
 * while the server's CPU is read from /proc. Run by bench/media-load.sh; prints a JSON report.
 *
 * <pre>CallLoad --server 127.0.0.1:15060 --calls 100 --server-pid 1234 --measure 30 --out r.json</pre>
 */
public final class CallLoad {
  private CallLoad() {}

  public static void main(String[] args) throws Exception {
    LoadOptions options;
    try {
      options = LoadOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("CallLoad: " + e.getMessage());
      System.exit(2);
      return;
    }
    String report = run(options);
    System.out.print(report);
    if (options.out() != null) {
      Files.writeString(options.out(), report);
    }
    System.exit(0);
  }

  static String run(LoadOptions o) throws Exception {
    InetAddress local = InetAddress.getByName(o.localAddress());
    ProcSample idleStart = ProcSample.take(o.serverPid());
    Thread.sleep(o.idleSeconds() * 1000L);
    ProcSample idleEnd = ProcSample.take(o.serverPid());

    SplittableRandom random = new SplittableRandom();
    List<Caller> callers = new ArrayList<>();
    for (int i = 0; i < o.calls(); i++) {
      String number = "+1555" + (7_000_000 + i / 2);
      callers.add(new Caller(i, number, Signal.forCaller(i % 2), Signal.forCaller(1 - i % 2),
          new InetSocketAddress(local, o.rtpBase() + 2 * i), random.nextInt()));
    }
    ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    List<SipDialog> dialogs = new ArrayList<>();
    LoadReport report = new LoadReport(o);
    try (MediaEngine media = new MediaEngine(callers);
        SipUac uac = new SipUac(new InetSocketAddress(local, o.sipPort()), o.server(), timers)) {
      media.start();
      long start = System.nanoTime();
      for (Caller c : callers) {
        long due = start + (long) (c.index * 1e9 / o.setupRate());
        long wait = due - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        SipDialog d = uac.invite("+1415" + (5_000_000 + c.index), c.calledNumber, c.localRtpPort());
        d.answered.thenAccept(address -> c.remote = address);
        dialogs.add(d);
      }
      CompletableFuture.allOf(dialogs.stream().map(d -> d.answered.exceptionally(e -> null)).toArray(CompletableFuture[]::new))
          .get(60, TimeUnit.SECONDS);
      report.setup(dialogs);

      Thread.sleep(o.warmupSeconds() * 1000L);
      ProcSample windowStart = ProcSample.take(o.serverPid());
      media.measure(true);
      Thread.sleep(o.measureSeconds() * 1000L);
      media.measure(false);
      ProcSample windowEnd = ProcSample.take(o.serverPid());
      media.close();
      report.media(callers, media, dialogs);
      report.cpu(idleStart, idleEnd, windowStart, windowEnd);

      for (SipDialog d : dialogs) {
        uac.bye(d);
      }
      CompletableFuture.allOf(dialogs.stream().map(d -> d.hungUp.exceptionally(e -> -1)).toArray(CompletableFuture[]::new))
          .get(60, TimeUnit.SECONDS);
      report.teardown(dialogs);
    } finally {
      timers.shutdownNow();
      for (Caller c : callers) {
        c.close();
      }
    }
    return Json.write(report.toMap());
  }
}
