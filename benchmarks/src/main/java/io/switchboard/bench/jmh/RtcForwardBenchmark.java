package io.switchboard.bench.jmh;

import io.switchboard.sfu.transport.srtp.PacketBuffer;
import io.switchboard.sfu.transport.srtp.SrtpMasterKeys;
import io.switchboard.sfu.transport.srtp.SrtpProfile;
import io.switchboard.sfu.transport.srtp.SrtpSession;
import io.switchboard.sfu.transport.srtp.SrtpStatus;
import io.switchboard.sfu.webrtc.DownTrack;
import io.switchboard.sfu.webrtc.RtpSender;
import io.switchboard.sfu.webrtc.TrackFanout;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One published Opus packet (20 ms, 80-byte payload: about 32 kbit/s, livekit-client's default)
 * forwarded the way a WebRTC publisher's packets are: through the track's {@link TrackFanout} to
 * every subscriber's {@link DownTrack} (header rewrite), each protecting its own copy with its own
 * SRTP keys (AES-GCM, as browsers negotiate first), as the transport does. With {@code
 * sink=udp} each protected packet is also sent to a loopback UDP port (one syscall per
 * subscriber, as on a real server; nobody reads it, so once the port's buffer is full the kernel
 * drops what arrives, after the sender paid for the send); with {@code sink=none} it is dropped
 * after encryption.
 * {@link #srtpOnly} is one packet's raw SRTP cost, for comparison.
 *
 * <p>Cost per subscriber stream = score / subscribers; streams per core = 1 / (50 packets/s x that).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RtcForwardBenchmark {
  private static final int PAYLOAD = 80;

  @Param({"1", "10", "100"})
  public int subscribers;

  @Param({"none", "udp"})
  public String sink;

  private final byte[] packet = new byte[12 + PAYLOAD];
  private final TrackFanout fanout = new TrackFanout();
  private final List<SrtpSession> sessions = new ArrayList<>();
  private final PacketBuffer single = new PacketBuffer(1500);
  private DatagramChannel socket;
  private DatagramChannel discard;
  private SrtpSession raw;
  private int seq;
  private int ts;

  @Setup
  public void setUp() throws IOException {
    SplittableRandom random = new SplittableRandom(7);
    if (sink.equals("udp")) {
      discard = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
      socket = DatagramChannel.open().connect(discard.getLocalAddress());
    }
    for (int i = 0; i < subscribers; i++) {
      SrtpSession session = new SrtpSession(keys(random), 16);
      sessions.add(session);
      fanout.add(new DownTrack(random.nextInt(), 111, sender(session), (b, o, l) -> true, "PA_bench", Clock.systemUTC()));
    }
    raw = new SrtpSession(keys(random), 16);
    packet[0] = (byte) 0x80;
    packet[1] = 111;
    for (int i = 12; i < packet.length; i++) {
      packet[i] = (byte) random.nextInt(256);
    }
    packet[8] = 0x12;
    packet[11] = 0x34;
  }

  /** What the transport's SRTP path does with a packet to send: protect a copy, send it. */
  private RtpSender sender(SrtpSession session) {
    PacketBuffer outgoing = new PacketBuffer(1500 + 32);
    ByteBuffer view = ByteBuffer.wrap(outgoing.buffer());
    return (buf, off, len) -> {
      outgoing.copyFrom(buf, off, len, 0, 32);
      if (session.protectRtp(outgoing) != SrtpStatus.OK) {
        return false;
      }
      if (socket != null) {
        try {
          view.limit(outgoing.offset() + outgoing.length()).position(outgoing.offset());
          socket.write(view);
        } catch (IOException e) {
          return false;
        }
      }
      return true;
    };
  }

  private static SrtpMasterKeys keys(SplittableRandom random) {
    SrtpProfile p = SrtpProfile.AEAD_AES_128_GCM;
    return SrtpMasterKeys.of(p, bytes(random, p.keyLength()), bytes(random, p.saltLength()),
        bytes(random, p.keyLength()), bytes(random, p.saltLength()));
  }

  private static byte[] bytes(SplittableRandom random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  private void nextPacket() {
    seq = (seq + 1) & 0xFFFF;
    ts += 960;
    packet[2] = (byte) (seq >>> 8);
    packet[3] = (byte) seq;
    packet[4] = (byte) (ts >>> 24);
    packet[5] = (byte) (ts >>> 16);
    packet[6] = (byte) (ts >>> 8);
    packet[7] = (byte) ts;
  }

  /** One publisher packet to every subscriber: rewrite, copy, SRTP (and send). */
  @Benchmark
  public void forward() {
    nextPacket();
    fanout.forward(packet, 0, packet.length);
  }

  /** One packet's copy and SRTP protection alone. */
  @Benchmark
  public SrtpStatus srtpOnly() {
    nextPacket();
    single.copyFrom(packet, 0, packet.length, 0, 32);
    return raw.protectRtp(single);
  }

  @TearDown
  public void tearDown() throws IOException {
    sessions.forEach(SrtpSession::close);
    raw.close();
    if (socket != null) {
      socket.close();
      discard.close();
    }
  }
}
