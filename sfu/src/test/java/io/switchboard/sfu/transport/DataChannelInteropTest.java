package io.switchboard.sfu.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.switchboard.sfu.transport.dtls.DtlsCertificate;
import io.switchboard.sfu.transport.dtls.DtlsFingerprint;
import io.switchboard.sfu.transport.dtls.DtlsSetup;
import io.switchboard.sfu.transport.ice.DedicatedSockets;
import io.switchboard.sfu.transport.ice.IceCandidate;
import io.switchboard.sfu.transport.ice.IceConfig;
import io.switchboard.sfu.transport.ice.IceParameters;
import io.switchboard.sfu.transport.sctp.ChannelOptions;
import io.switchboard.sfu.transport.sctp.DataChannel;
import io.switchboard.sfu.transport.sctp.DataChannelListener;
import io.switchboard.sfu.transport.sctp.SctpAssociation;
import io.switchboard.sfu.transport.sctp.SctpConfig;
import io.switchboard.sfu.transport.sctp.SctpScheduler;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our transport and SCTP against independent WebRTC stacks on this host: werift (TypeScript) and
 * Debian's chromium (dcsctp, driven by puppeteer-core). The peer offers two channels, we answer,
 * and messages both ways, a channel opened by us, 100 KiB messages (up to the peer's
 * max-message-size) and a close go across. Skipped unless {@code scripts/install-test-tools.sh}
 * has installed the node packages under src/test/node (and, for chromium, the browser exists).
 */
class DataChannelInteropTest {
  private static final File NODE_DIR = new File("src/test/node");
  private static final Clock CLOCK = Clock.systemUTC();

  private final ExecutorService blocking = Executors.newVirtualThreadPerTaskExecutor();
  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
  private final BlockingQueue<Map<String, String>> fromWerift = new LinkedBlockingQueue<>();
  private final Map<String, BlockingQueue<byte[]>> inboxes = new ConcurrentHashMap<>();
  private final BlockingQueue<DataChannel> opened = new LinkedBlockingQueue<>();
  private final List<Map<String, String>> unclaimed = new ArrayList<>();
  private Process node;
  private WebRtcTransport transport;

  @AfterEach
  void stop() throws Exception {
    if (transport != null) {
      transport.close();
    }
    if (node != null) {
      node.getOutputStream().close();
      if (!node.waitFor(5, TimeUnit.SECONDS)) {
        node.destroyForcibly();
      }
    }
    blocking.shutdownNow();
    timers.shutdownNow();
  }

  /** The first line (earlier ones seen but not taken included) whose key has the value. */
  private Map<String, String> next(String key, String value) throws InterruptedException {
    for (var it = unclaimed.iterator(); it.hasNext(); ) {
      Map<String, String> m = it.next();
      if (value.equals(m.get(key))) {
        it.remove();
        return m;
      }
    }
    while (true) {
      Map<String, String> m = fromWerift.poll(20, TimeUnit.SECONDS);
      if (m == null) {
        throw new AssertionError("werift sent no " + key + "=" + value + "; unclaimed: " + unclaimed);
      }
      if (value.equals(m.get(key))) {
        return m;
      }
      unclaimed.add(m);
    }
  }

  private Map<String, String> nextEvent(String event, String label) throws InterruptedException {
    return next("event+label", event + " " + label);
  }

  private void send(OutputStream stdin, String json) throws Exception {
    stdin.write((json + "\n").getBytes(StandardCharsets.UTF_8));
    stdin.flush();
  }

  private static String answerSdp(TransportDescription local, String mid) {
    StringBuilder sdp = new StringBuilder()
        .append("v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n")
        .append("a=group:BUNDLE ").append(mid).append("\r\n")
        .append("m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n")
        .append("c=IN IP4 0.0.0.0\r\n")
        .append("a=ice-ufrag:").append(local.ice().ufrag()).append("\r\n")
        .append("a=ice-pwd:").append(local.ice().password()).append("\r\n")
        .append("a=fingerprint:").append(local.fingerprint().toSdpValue()).append("\r\n")
        .append("a=setup:").append(local.setup().sdpValue()).append("\r\n")
        .append("a=mid:").append(mid).append("\r\n")
        .append("a=sctp-port:5000\r\n")
        .append("a=max-message-size:262144\r\n");
    for (IceCandidate c : local.candidates()) {
      sdp.append("a=").append(c.toSdp()).append("\r\n");
    }
    return sdp.append("a=end-of-candidates\r\n").toString();
  }

  private static BlockingQueue<byte[]> inbox(DataChannel channel) {
    BlockingQueue<byte[]> q = new LinkedBlockingQueue<>();
    channel.onMessage((payload, binary) -> q.add(payload));
    return q;
  }

  /**
   * The machine's first non-loopback IPv4 address, where browsers gather host candidates (they
   * skip loopback), or loopback if there is none.
   */
  private static InetAddress hostAddress() throws java.net.SocketException {
    for (var nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
      if (!nic.isUp() || nic.isLoopback()) {
        continue;
      }
      for (var a : java.util.Collections.list(nic.getInetAddresses())) {
        if (a instanceof java.net.Inet4Address && !a.isLinkLocalAddress()) {
          return a;
        }
      }
    }
    return InetAddress.getLoopbackAddress();
  }

  private static String text(byte[] b) {
    return b == null ? null : new String(b, StandardCharsets.UTF_8);
  }

  private static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  @ParameterizedTest
  @ValueSource(strings = {"werift", "chromium"})
  void peerAndWeExchangeMessagesOnChannelsOpenedByEachSide(String peer) throws Exception {
    boolean chromium = peer.equals("chromium");
    assumeTrue(new File(NODE_DIR, chromium ? "node_modules/puppeteer-core" : "node_modules/werift")
        .isDirectory(), peer + " peer not installed: run scripts/install-test-tools.sh");
    assumeTrue(!chromium || new File("/usr/bin/chromium").canExecute(), "no /usr/bin/chromium");
    InetAddress host = hostAddress();
    ProcessBuilder pb = new ProcessBuilder("node", peer + "-peer.mjs").directory(NODE_DIR)
        .redirectError(ProcessBuilder.Redirect.INHERIT);
    pb.environment().put("PEER_HOST_ADDRESS", host.getHostAddress());
    node = pb.start();
    Thread.ofVirtual().start(() -> {
      try (BufferedReader r = new BufferedReader(
          new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          if (line.startsWith("{")) {
            Map<String, String> m = FlatJson.parse(line);
            m.put("event+label", m.get("event") + " " + m.get("label"));
            fromWerift.add(m);
          }
        }
      } catch (java.io.IOException e) {
        // the process ended
      }
    });
    OutputStream stdin = node.getOutputStream();

    // werift's offer: ICE credentials, fingerprint, actpass and its candidates.
    String offer = next("type", "offer").get("sdp");
    String ufrag = null;
    String pwd = null;
    String mid = "0";
    DtlsFingerprint fingerprint = null;
    DtlsSetup setup = null;
    int remoteMax = 65536; // RFC 8841 §6: the default when the SDP names none
    List<IceCandidate> candidates = new ArrayList<>();
    for (String line : offer.split("\r\n")) {
      if (line.startsWith("a=ice-ufrag:")) {
        ufrag = line.substring(12);
      } else if (line.startsWith("a=ice-pwd:")) {
        pwd = line.substring(10);
      } else if (line.startsWith("a=fingerprint:")) {
        fingerprint = DtlsFingerprint.parse(line);
      } else if (line.startsWith("a=setup:")) {
        setup = DtlsSetup.parse(line.substring(8));
      } else if (line.startsWith("a=mid:")) {
        mid = line.substring(6);
      } else if (line.startsWith("a=max-message-size:")) {
        remoteMax = Integer.parseInt(line.substring(19));
      } else if (line.startsWith("a=candidate:")) {
        candidates.add(IceCandidate.parse(line));
      }
    }
    assertNotNull(fingerprint, "offer has a fingerprint");

    DtlsCertificate cert = DtlsCertificate.generate(CLOCK, Duration.ofDays(1), new SecureRandom());
    IceConfig ice = new IceConfig(DedicatedSockets.ephemeral(host));
    WebRtcTransport.MediaHandler noMedia = new WebRtcTransport.MediaHandler() {
      @Override
      public void onRtp(byte[] buf, int off, int len) {}

      @Override
      public void onRtcp(byte[] buf, int off, int len) {}
    };
    transport = WebRtcTransport.open(WebRtcTransportConfig.defaults(ice), SdpRole.ANSWERER, cert,
        noMedia, state -> {}, blocking, CLOCK);
    SctpAssociation sctp = SctpAssociation.create(SctpConfig.defaults(), transport::sendData,
        new DataChannelListener() {
          @Override
          public void onDataChannel(DataChannel channel) {
            inboxes.put(channel.label(), inbox(channel));
            opened.add(channel);
          }
        },
        SctpScheduler.of(timers), CLOCK, new SecureRandom());
    sctp.setRemoteMaxMessageSize(remoteMax);
    transport.attachSctp(sctp);
    transport.setRemote(new IceParameters(ufrag, pwd), List.of(fingerprint), setup);
    candidates.forEach(transport::addRemoteCandidate);
    send(stdin, "{\"type\":\"answer\",\"sdp\":" + FlatJson.quote(answerSdp(transport.localDescription(), mid)) + "}");

    // Channels werift opened in-band arrive with their DCEP parameters.
    Map<String, DataChannel> theirs = new ConcurrentHashMap<>();
    for (int i = 0; i < 2; i++) {
      DataChannel c = opened.poll(20, TimeUnit.SECONDS);
      assertNotNull(c, peer + "'s channel " + i + " announced; transport " + transport.state()
          + " (ICE pair to " + transport.remoteAddress() + "), association " + sctp.state());
      theirs.put(c.label(), c);
    }
    DataChannel reliable = theirs.get("_reliable");
    DataChannel lossy = theirs.get("_lossy");
    assertTrue(reliable.ordered());
    assertEquals(-1, reliable.maxRetransmits());
    // werift 0.24.4 writes channel type 0x01 for {ordered:false, maxRetransmits:0}: its
    // announceDataChannel replaces the 0x80 unordered bit. We report what the wire says.
    assertEquals(!chromium, lossy.ordered());
    assertEquals(0, lossy.maxRetransmits());
    assertEquals(1, reliable.id() % 2, "werift is the DTLS server here: odd stream ids");

    BlockingQueue<byte[]> onReliable = inboxes.get("_reliable");
    assertEquals("hello from werift", text(onReliable.poll(20, TimeUnit.SECONDS)));
    byte[] big = onReliable.poll(20, TimeUnit.SECONDS);
    assertNotNull(big, "werift's 100 KiB message arrives");
    byte[] expected = new byte[100 * 1024];
    for (int i = 0; i < expected.length; i++) {
      expected[i] = (byte) (i * 7);
    }
    assertArrayEquals(expected, big, "100 KiB from werift reassembled intact");
    assertEquals("lossy hello", text(inboxes.get("_lossy").poll(20, TimeUnit.SECONDS)));

    // Our messages on their channels, echoed back.
    assertTrue(reliable.send("ping from java"));
    assertEquals("ping from java", nextEvent("message", "_reliable").get("text"));
    assertEquals("echo:ping from java", text(onReliable.poll(20, TimeUnit.SECONDS)));
    assertTrue(lossy.send("lossy from java"));
    assertEquals("lossy from java", nextEvent("message", "_lossy").get("text"));

    // A channel we open, with 100 KiB or the largest message the peer accepts, and its echo.
    DataChannel ours = sctp.createDataChannel("from-java", ChannelOptions.reliable());
    assertEquals(0, ours.id() % 2, "we are the DTLS client: even stream ids");
    BlockingQueue<byte[]> onOurs = inbox(ours);
    byte[] large = new byte[Math.min(100 * 1024, remoteMax)];
    new SecureRandom().nextBytes(large);
    int tooLarge = remoteMax + 1;
    assertThrows(IllegalArgumentException.class, () -> ours.send(new byte[tooLarge]),
        "the peer's max-message-size is enforced");
    assertTrue(ours.send(large));
    Map<String, String> announced = nextEvent("channel", "from-java");
    assertEquals("true", announced.get("ordered"));
    Map<String, String> got = nextEvent("message", "from-java");
    assertEquals(String.valueOf(large.length), got.get("size"));
    assertEquals(sha256(large), got.get("sha256"));
    assertArrayEquals(large, onOurs.poll(20, TimeUnit.SECONDS), "echo intact");

    // Closing our channel resets the streams; werift sees it close.
    BlockingQueue<Boolean> closed = new LinkedBlockingQueue<>();
    ours.onClose(() -> closed.add(true));
    ours.close();
    nextEvent("close", "from-java");
    assertEquals(true, closed.poll(20, TimeUnit.SECONDS), "our side closes too");
  }
}
