package io.switchboard.bench.rtc;

import io.switchboard.sfu.transport.SdpRole;
import io.switchboard.sfu.transport.TransportDescription;
import io.switchboard.sfu.transport.TransportState;
import io.switchboard.sfu.transport.WebRtcTransport;
import io.switchboard.sfu.transport.WebRtcTransportConfig;
import io.switchboard.sfu.transport.dtls.DtlsCertificate;
import io.switchboard.sfu.transport.ice.DedicatedSockets;
import io.switchboard.sfu.transport.ice.IceCandidate;
import io.switchboard.sfu.transport.ice.IceConfig;
import io.switchboard.sfu.webrtc.DownTrack;
import io.switchboard.sfu.webrtc.TrackFanout;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * End to end on loopback: a publishing client's Opus-sized RTP (50 packets/s, its send time in
 * the payload) crosses a real WebRTC transport (ICE, DTLS, SRTP) into the server's publisher
 * connection, is forwarded through {@link TrackFanout}/{@link DownTrack} to N server subscriber
 * connections, each a real transport to a receiving client. Prints the one-way latency from the
 * client's send call to each receiving client's decrypted packet (p50, p90, p99, max), so it
 * includes both clients' SRTP and the kernel's loopback, and the process CPU per subscriber
 * stream (clients included: an upper bound of the server's).
 *
 * <p>Usage: {@code RtcForwardLatency [subscribers=10] [seconds=20]}
 */
public final class RtcForwardLatency {
  private static final int PAYLOAD = 80;
  private static final int WARM_UP_PACKETS = 250;

  private final Clock clock = Clock.systemUTC();
  private final ExecutorService blocking = Executors.newVirtualThreadPerTaskExecutor();
  private final DtlsCertificate serverCert = DtlsCertificate.generate(clock, Duration.ofDays(1), new SecureRandom());
  private final DtlsCertificate clientCert = DtlsCertificate.generate(clock, Duration.ofDays(1), new SecureRandom());
  private final List<WebRtcTransport> transports = new ArrayList<>();
  private final TrackFanout fanout = new TrackFanout();

  public static void main(String[] args) throws Exception {
    int subscribers = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    new RtcForwardLatency().run(subscribers, seconds);
    System.exit(0);
  }

  /** Receives packets and keeps each one's latency in microseconds. */
  private static final class Receiver implements WebRtcTransport.MediaHandler {
    final long[] micros;
    int count;

    Receiver(int capacity) {
      micros = new long[capacity];
    }

    synchronized void reset() {
      count = 0;
    }

    @Override
    public synchronized void onRtp(byte[] buf, int off, int len) {
      long now = System.nanoTime();
      long sent = 0;
      for (int i = 0; i < 8; i++) {
        sent = (sent << 8) | (buf[off + 12 + i] & 0xFF);
      }
      if (count < micros.length) {
        micros[count++] = (now - sent) / 1000;
      }
    }

    @Override
    public void onRtcp(byte[] buf, int off, int len) {}
  }

  private WebRtcTransport open(SdpRole role, DtlsCertificate cert, WebRtcTransport.MediaHandler media,
      CountDownLatch connected) throws Exception {
    IceConfig ice = new IceConfig(DedicatedSockets.ephemeral(InetAddress.getLoopbackAddress()));
    WebRtcTransport t = WebRtcTransport.open(WebRtcTransportConfig.defaults(ice), role, cert, media, state -> {
      if (state instanceof TransportState.Connected) {
        connected.countDown();
      }
    }, blocking, clock);
    transports.add(t);
    return t;
  }

  private static void negotiate(WebRtcTransport offerer, WebRtcTransport answerer) {
    TransportDescription offer = offerer.localDescription();
    answerer.setRemote(offer.ice(), List.of(offer.fingerprint()), offer.setup());
    TransportDescription answer = answerer.localDescription();
    offerer.setRemote(answer.ice(), List.of(answer.fingerprint()), answer.setup());
    offer.candidates().forEach(c -> answerer.addRemoteCandidate(IceCandidate.parse(c.toSdp())));
    answer.candidates().forEach(c -> offerer.addRemoteCandidate(IceCandidate.parse(c.toSdp())));
  }

  private void run(int subscribers, int seconds) throws Exception {
    int packets = seconds * 50;
    CountDownLatch connected = new CountDownLatch(2 + 2 * subscribers);
    WebRtcTransport.MediaHandler forward = new WebRtcTransport.MediaHandler() {
      @Override
      public void onRtp(byte[] buf, int off, int len) {
        fanout.forward(buf, off, len);
      }

      @Override
      public void onRtcp(byte[] buf, int off, int len) {}
    };
    WebRtcTransport publisher = open(SdpRole.OFFERER, clientCert, new Receiver(0), connected);
    negotiate(publisher, open(SdpRole.ANSWERER, serverCert, forward, connected));
    List<Receiver> receivers = new ArrayList<>();
    for (int i = 0; i < subscribers; i++) {
      WebRtcTransport server = open(SdpRole.OFFERER, serverCert, new Receiver(0), connected);
      Receiver receiver = new Receiver(packets);
      negotiate(server, open(SdpRole.ANSWERER, clientCert, receiver, connected));
      receivers.add(receiver);
      fanout.add(new DownTrack(0x1000 + i, 111, server::sendRtp, server::sendRtcp, "PA_bench", clock));
    }
    if (!connected.await(120, TimeUnit.SECONDS)) {
      throw new IllegalStateException(connected.getCount() + " transports did not connect within 120 s");
    }
    byte[] packet = new byte[12 + PAYLOAD];
    packet[0] = (byte) 0x80;
    packet[1] = 111;
    packet[11] = 0x42;
    send(publisher, packet, 0, WARM_UP_PACKETS); // JIT, and jitsi-srtp picks its AES on first use
    Thread.sleep(500);
    receivers.forEach(Receiver::reset);
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpuBefore = os.getProcessCpuTime();
    send(publisher, packet, WARM_UP_PACKETS, packets);
    Thread.sleep(500); // the last packets in flight
    long cpuNanos = os.getProcessCpuTime() - cpuBefore;
    report(receivers, subscribers, seconds, packets, cpuNanos, os);
    transports.reversed().forEach(WebRtcTransport::close);
    blocking.shutdownNow();
  }

  /** Sends {@code count} packets, one every 20 ms, numbered from {@code first}. */
  private static void send(WebRtcTransport publisher, byte[] packet, int first, int count) {
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      int n = first + i;
      LockSupport.parkNanos(start + i * 20_000_000L - System.nanoTime());
      LockSupport.parkNanos(start + n * 20_000_000L - System.nanoTime());
      packet[2] = (byte) (n >>> 8);
      packet[3] = (byte) n;
      int ts = n * 960;
      packet[4] = (byte) (ts >>> 24);
      packet[5] = (byte) (ts >>> 16);
      packet[6] = (byte) (ts >>> 8);
      packet[7] = (byte) ts;
      long now = System.nanoTime();
      for (int b = 0; b < 8; b++) {
        packet[12 + b] = (byte) (now >>> (56 - 8 * b));
      }
      publisher.sendRtp(packet, 0, packet.length);
    }
  }

  private static void report(List<Receiver> receivers, int subscribers, int seconds, int packets, long cpuNanos,
      com.sun.management.OperatingSystemMXBean os) {
    long[] all = receivers.stream().flatMapToLong(r -> {
      synchronized (r) {
        return Arrays.stream(r.micros, 0, r.count);
      }
    }).sorted().toArray();
    long streamSeconds = (long) subscribers * seconds;
    System.out.printf("subscribers=%d seconds=%d packets_sent=%d received=%d of %d%n",
        subscribers, seconds, packets, all.length, (long) packets * subscribers);
    System.out.printf("latency_us p50=%d p90=%d p99=%d max=%d%n",
        pct(all, 0.50), pct(all, 0.90), pct(all, 0.99), all.length == 0 ? 0 : all[all.length - 1]);
    System.out.printf("process_cpu_ms=%d per_subscriber_stream_us_per_s=%.1f cores=%d load=%.2f%n",
        cpuNanos / 1_000_000, cpuNanos / 1000.0 / streamSeconds, Runtime.getRuntime().availableProcessors(),
        os.getSystemLoadAverage());
  }

  private static long pct(long[] sorted, double p) {
    return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (p * sorted.length))];
  }
}
