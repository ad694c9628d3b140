package io.switchboard.sfu.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.sfu.transport.dtls.DtlsCertificate;
import io.switchboard.sfu.transport.ice.DedicatedSockets;
import io.switchboard.sfu.transport.ice.IceCandidate;
import io.switchboard.sfu.transport.ice.IceConfig;
import io.switchboard.sfu.transport.sctp.ChannelOptions;
import io.switchboard.sfu.transport.sctp.DataChannel;
import io.switchboard.sfu.transport.sctp.DataChannelListener;
import io.switchboard.sfu.transport.sctp.SctpAssociation;
import io.switchboard.sfu.transport.sctp.SctpConfig;
import io.switchboard.sfu.transport.sctp.SctpScheduler;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Data channels between two complete transports on 127.0.0.1: SCTP inside DTLS inside ICE. */
class WebRtcDataChannelTest {
  private static final Clock CLOCK = Clock.systemUTC();
  private final ExecutorService blocking = Executors.newVirtualThreadPerTaskExecutor();
  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stop() {
    blocking.shutdownNow();
    timers.shutdownNow();
  }

  private final class Side implements DataChannelListener {
    final BlockingQueue<TransportState> states = new LinkedBlockingQueue<>();
    final BlockingQueue<DataChannel> opened = new LinkedBlockingQueue<>();
    final java.util.Map<String, BlockingQueue<byte[]>> inboxes =
        new java.util.concurrent.ConcurrentHashMap<>();
    final WebRtcTransport transport;
    final SctpAssociation sctp;

    Side(SdpRole role) throws Exception {
      DtlsCertificate cert = DtlsCertificate.generate(CLOCK, Duration.ofDays(1), new SecureRandom());
      IceConfig ice = new IceConfig(DedicatedSockets.ephemeral(InetAddress.getLoopbackAddress()));
      WebRtcTransport.MediaHandler ignore =
          new WebRtcTransport.MediaHandler() {
            @Override
            public void onRtp(byte[] buf, int off, int len) {}

            @Override
            public void onRtcp(byte[] buf, int off, int len) {}
          };
      transport = WebRtcTransport.open(
          WebRtcTransportConfig.defaults(ice), role, cert, ignore, states::add, blocking, CLOCK);
      sctp = SctpAssociation.create(SctpConfig.defaults(), transport::sendData, this,
          SctpScheduler.of(timers), CLOCK, new SecureRandom());
      transport.attachSctp(sctp);
    }

    /** Waits for DTLS to connect, past Connecting. */
    void connected() throws InterruptedException {
      TransportState s;
      do {
        s = states.poll(20, TimeUnit.SECONDS);
      } while (s instanceof TransportState.Connecting);
      assertInstanceOf(TransportState.Connected.class, s, "DTLS connected");
    }

    @Override
    public void onDataChannel(DataChannel channel) {
      inboxes.put(channel.label(), inbox(channel)); // before any message can arrive on it
      opened.add(channel);
    }
  }

  private static BlockingQueue<byte[]> inbox(DataChannel channel) {
    BlockingQueue<byte[]> q = new LinkedBlockingQueue<>();
    channel.onMessage((payload, binary) -> q.add(payload));
    return q;
  }

  @Test
  void channelsOpenedByEitherSideCarryMessagesBothWays() throws Exception {
    Side offerer = new Side(SdpRole.OFFERER);
    Side answerer = new Side(SdpRole.ANSWERER);
    try (WebRtcTransport a = offerer.transport; WebRtcTransport b = answerer.transport) {
      TransportDescription offer = a.localDescription();
      b.setRemote(offer.ice(), List.of(offer.fingerprint()), offer.setup());
      TransportDescription answer = b.localDescription();
      a.setRemote(answer.ice(), List.of(answer.fingerprint()), answer.setup());
      offer.candidates().forEach(c -> b.addRemoteCandidate(IceCandidate.parse(c.toSdp())));
      answer.candidates().forEach(c -> a.addRemoteCandidate(IceCandidate.parse(c.toSdp())));

      DataChannel reliable = answerer.sctp.createDataChannel("_reliable", ChannelOptions.reliable());
      BlockingQueue<byte[]> backOnReliable = inbox(reliable);
      BlockingQueue<Boolean> reliableOpen = new LinkedBlockingQueue<>();
      reliable.onOpen(() -> reliableOpen.add(true));
      answerer.connected();
      assertEquals(true, reliableOpen.poll(10, TimeUnit.SECONDS),
          "opens once SCTP is up; association " + answerer.sctp.state());
      byte[] big = new byte[100 * 1024];
      new Random(3).nextBytes(big);
      assertTrue(reliable.send("hello over DTLS"));
      assertTrue(reliable.send(big));

      DataChannel seen = offerer.opened.poll(10, TimeUnit.SECONDS);
      assertEquals("_reliable", seen.label());
      BlockingQueue<byte[]> got = offerer.inboxes.get("_reliable");
      assertEquals("hello over DTLS",
          new String(got.poll(10, TimeUnit.SECONDS), StandardCharsets.UTF_8));
      assertTrue(java.util.Arrays.equals(big, got.poll(10, TimeUnit.SECONDS)), "100 KiB intact");
      assertTrue(seen.send("and back"));
      assertEquals("and back",
          new String(backOnReliable.poll(10, TimeUnit.SECONDS), StandardCharsets.UTF_8));

      DataChannel lossy = offerer.sctp.createDataChannel("_lossy", ChannelOptions.lossy());
      assertEquals(1, lossy.id(), "the offerer is the DTLS server here: odd ids");
      lossy.send(new byte[] {9});
      DataChannel lossySeen = answerer.opened.poll(10, TimeUnit.SECONDS);
      assertEquals("_lossy", lossySeen.label());
      assertEquals(0, lossySeen.maxRetransmits());
      assertArrayEquals(new byte[] {9}, answerer.inboxes.get("_lossy").poll(10, TimeUnit.SECONDS));
      assertInstanceOf(TransportState.Connected.class, a.state());
    }
  }
}
