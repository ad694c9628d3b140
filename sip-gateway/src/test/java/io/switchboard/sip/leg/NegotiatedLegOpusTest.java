package io.switchboard.sip.leg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.codec.AudioCodec;
import io.switchboard.media.codec.AudioEncoder;
import io.switchboard.media.codec.g711.G711;
import io.switchboard.media.codec.opus.OpusRuntime;
import io.switchboard.media.dtmf.TelephoneEvent;
import io.switchboard.media.net.RtpLeg;
import io.switchboard.media.net.RtpLegConfig;
import io.switchboard.media.net.RtpLegEvent;
import io.switchboard.media.rtp.RtpHeaderWriter;
import io.switchboard.media.rtp.RtpPacket;
import io.switchboard.media.rtp.RtpParseStatus;
import io.switchboard.sip.sdp.MediaDirection;
import io.switchboard.sip.sdp.NegotiatedAudio;
import io.switchboard.sip.sdp.SdpCodec;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An RTP leg set up from an Opus negotiation, against a raw UDP socket playing the carrier:
 * 48 kHz timestamps, the dynamic payload types from SDP, RFC 4733 events at the 48000 clock,
 * and wideband audio both ways.
 */
class NegotiatedLegOpusTest {
  private static final OpusRuntime OPUS = OpusRuntime.load();
  private static final int OPUS_PT = 96;
  private static final int EVENT_PT = 101;

  private final BlockingQueue<RtpLegEvent> events = new LinkedBlockingQueue<>();
  private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  private ExecutorService executor;
  private RtpLeg leg;
  private DatagramChannel carrier;
  private AudioCodec opus;

  @BeforeEach
  void open() throws Exception {
    executor = Executors.newVirtualThreadPerTaskExecutor();
    leg = RtpLeg.open(RtpLegConfig.defaults(InetAddress.getLoopbackAddress()), executor, clock, events::add);
    carrier = DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    carrier.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 20);
    opus = OPUS.codec();
    int port = ((InetSocketAddress) carrier.getLocalAddress()).getPort();
    new NegotiatedLeg(leg, opus).apply(new NegotiatedAudio(SdpCodec.OPUS, OPUS_PT, OptionalInt.of(EVENT_PT),
        "127.0.0.1", port, MediaDirection.SENDRECV, 20));
  }

  @AfterEach
  void close() throws Exception {
    leg.close();
    carrier.close();
    executor.shutdown();
  }

  @Test
  void opusNegotiationGivesA48KilohertzLegOnTheNegotiatedPayloadType() throws Exception {
    assertEquals(48_000, leg.sampleRate());
    List<byte[]> sent = new ArrayList<>();
    for (int k = 0; k < 3; k++) {
      leg.write(tone(6000, k * 960L));
      sent.add(receive());
    }
    RtpPacket first = parse(sent.get(0));
    for (int k = 1; k < 3; k++) {
      RtpPacket packet = parse(sent.get(k));
      assertEquals(OPUS_PT, packet.payloadType());
      assertEquals(k * 960, packet.timestamp() - first.timestamp(), "20 ms = 960 units of the 48 kHz clock");
      assertEquals((first.sequenceNumber() + k) & 0xFFFF, packet.sequenceNumber());
    }
  }

  @Test
  void dtmfIsSentWithDurationsOnThe48000Clock() throws Exception {
    leg.sendDtmf("5");
    List<Integer> durations = new ArrayList<>();
    int ends = 0;
    int eventTimestamp = 0;
    for (int k = 0; k < 12 && ends < 3; k++) {
      leg.write(silence());
      RtpPacket packet = parse(receive());
      if (packet.payloadType() == EVENT_PT) {
        byte[] payload = packet.buffer();
        assertEquals(5, TelephoneEvent.event(payload, packet.payloadOffset()));
        if (durations.isEmpty()) {
          eventTimestamp = packet.timestamp();
        }
        assertEquals(eventTimestamp, packet.timestamp(), "every packet of the event keeps its start");
        durations.add(TelephoneEvent.duration(payload, packet.payloadOffset()));
        if (TelephoneEvent.end(payload, packet.payloadOffset())) {
          ends++;
        }
      }
    }
    // 100 ms tone: four updates 20 ms apart, then the end packet three times (RFC 4733 §2.5.1.4).
    assertEquals(List.of(960, 1920, 2880, 3840, 4800, 4800, 4800), durations);
  }

  @Test
  void eventsDeclaredAt8000BesideOpusCountDurationsAt8000() throws Exception {
    int port = ((InetSocketAddress) carrier.getLocalAddress()).getPort();
    new NegotiatedLeg(leg, opus).apply(new NegotiatedAudio(SdpCodec.OPUS, OPUS_PT, OptionalInt.of(EVENT_PT),
        "127.0.0.1", port, MediaDirection.SENDRECV, 20, null, 8000));
    leg.write(silence());
    int audioTimestamp = parse(receive()).timestamp();
    leg.sendDtmf("#");
    List<Integer> durations = new ArrayList<>();
    for (int k = 1; k <= 7; k++) {
      leg.write(silence());
      RtpPacket packet = parse(receive());
      assertEquals(EVENT_PT, packet.payloadType());
      assertEquals(audioTimestamp + 960, packet.timestamp(), "the event starts on the audio's 48 kHz timeline");
      durations.add(TelephoneEvent.duration(packet.buffer(), packet.payloadOffset()));
    }
    assertEquals(List.of(160, 320, 480, 640, 800, 800, 800), durations);
  }

  @Test
  void wideband6KilohertzToneFromTheCarrierPlaysAt48Kilohertz() throws Exception {
    AudioEncoder encoder = opus.encoders().get();
    byte[] packet = new byte[12 + 1500];
    InetSocketAddress target = leg.localRtpAddress();
    double energy6k = 0;
    double energy1k = 0;
    int played = 0;
    PcmFrame out = new PcmFrame(48_000);
    for (int k = 0; k < 25; k++) {
      int length = encoder.encode(tone(6000, k * 960L), packet, 12);
      RtpHeaderWriter.write(packet, 0, k == 0, OPUS_PT, 1000 + k, 50_000 + k * 960, 0x0badcafe);
      carrier.send(ByteBuffer.wrap(packet, 0, 12 + length), target);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (leg.stats().packetsReceived() <= k) {
        assertTrue(System.nanoTime() < deadline, "leg to receive packet " + k);
        Thread.onSpinWait();
      }
      if (leg.read(out) && k >= 10) { // past the codec's start-up
        assertEquals(48_000, out.sampleRate());
        energy6k += goertzel(out, 6000);
        energy1k += goertzel(out, 1000);
        played++;
      }
    }
    assertTrue(played >= 10, "frames played: " + played);
    assertTrue(energy6k > 100 * energy1k, "6 kHz (beyond G.711's band) came through: " + energy6k + " vs " + energy1k);
  }

  @Test
  void dtmfFromTheCarrierAtThe48000ClockIsReported() throws Exception {
    byte[] packet = new byte[16];
    for (int i = 0; i < 4; i++) {
      RtpHeaderWriter.write(packet, 0, i == 0, EVENT_PT, 10 + i, 96_000, 0x0badcafe);
      TelephoneEvent.write(packet, 12, 9, i == 3, 10, 960 * (i + 1));
      carrier.send(ByteBuffer.wrap(packet), leg.localRtpAddress());
    }
    RtpLegEvent digit = null;
    while (!(digit instanceof RtpLegEvent.DtmfReceived)) {
      digit = events.poll(10, TimeUnit.SECONDS);
      assertNotNull(digit, "no DTMF event within 10 s");
    }
    assertEquals('9', ((RtpLegEvent.DtmfReceived) digit).digit().symbol());
    assertEquals(1, leg.stats().dtmfReceived());
  }

  @Test
  void aFrameAtTheOldRateDuringACodecChangeGoesOutAsSilenceNotAnError() throws Exception {
    PcmFrame narrowband = new PcmFrame(8000); // what the room mixed before it saw the new rate
    leg.write(narrowband);
    assertEquals(OPUS_PT, parse(receive()).payloadType());
  }

  @Test
  void onlyTheOpusCodecIsAccepted() {
    var error = assertThrows(IllegalArgumentException.class, () -> new NegotiatedLeg(leg, G711.PCMU));
    assertTrue(error.getMessage().contains("opus"), error.getMessage());
  }

  private byte[] receive() throws Exception {
    ByteBuffer buffer = ByteBuffer.allocate(1500);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    carrier.configureBlocking(false);
    while (carrier.receive(buffer) == null) {
      assertTrue(System.nanoTime() < deadline, "no packet from the leg within 10 s");
      Thread.onSpinWait();
    }
    buffer.flip();
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }

  private static RtpPacket parse(byte[] datagram) {
    RtpPacket packet = new RtpPacket();
    assertEquals(RtpParseStatus.OK, packet.parse(datagram, 0, datagram.length));
    return packet;
  }

  private static PcmFrame tone(double hz, long start) {
    PcmFrame frame = new PcmFrame(48_000);
    for (int i = 0; i < frame.length(); i++) {
      frame.samples()[i] = (short) Math.round(8000 * Math.sin(2 * Math.PI * hz * (start + i) / 48_000));
    }
    return frame;
  }

  private static PcmFrame silence() {
    return new PcmFrame(48_000);
  }

  /** Power of one frequency in a frame (Goertzel). */
  private static double goertzel(PcmFrame frame, double hz) {
    double coefficient = 2 * Math.cos(2 * Math.PI * hz / frame.sampleRate());
    double s1 = 0;
    double s2 = 0;
    for (int i = 0; i < frame.length(); i++) {
      double s = frame.samples()[i] + coefficient * s1 - s2;
      s2 = s1;
      s1 = s;
    }
    return s1 * s1 + s2 * s2 - coefficient * s1 * s2;
  }
}
