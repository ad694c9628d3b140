package io.switchboard.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * One simulated phone: its RTP socket (and the RTCP one beside it), what it sends, and what it
 * measured about what it heard. The sender thread writes packets; the receiver thread reads and
 * measures; the SIP side sets {@link #remote} once the call is answered.
 */
final class Caller implements AutoCloseable {
  final int index;
  final String calledNumber;
  final Signal signal;
  final int markerPhase;
  final DatagramChannel rtp;
  final DatagramChannel rtcp;
  final int ssrc;
  final StreamStats stats = new StreamStats();
  final RtcpView serverView = new RtcpView();
  private final Goertzel partnerCarrier;
  private final Goertzel partnerMarker;
  private final Goertzel ownCarrier;
  private final ByteBuffer packet = ByteBuffer.allocateDirect(12 + Signal.FRAME_SAMPLES);
  private final byte[] frameBuffer = new byte[Signal.FRAME_SAMPLES];

  /** Where the server receives this caller's RTP; null until answered. */
  volatile InetSocketAddress remote;
  /** When this caller last sent the first frame of a marker burst (System.nanoTime). */
  volatile long lastMarkerSentNanos;
  private int seq;
  private int timestamp;
  private long framesSent;
  private boolean markerHeard;

  Caller(int index, String calledNumber, Signal signal, Signal partner, InetSocketAddress rtpAddress, int ssrc)
      throws IOException {
    this.index = index;
    this.calledNumber = calledNumber;
    this.signal = signal;
    this.markerPhase = (index * 7) % Signal.FRAMES_PER_SECOND;
    this.ssrc = ssrc;
    this.partnerCarrier = new Goertzel(partner.carrierHz(), Signal.SAMPLE_RATE);
    this.partnerMarker = new Goertzel(partner.markerHz(), Signal.SAMPLE_RATE);
    this.ownCarrier = new Goertzel(signal.carrierHz(), Signal.SAMPLE_RATE);
    this.rtp = open(rtpAddress);
    try {
      this.rtcp = open(new InetSocketAddress(rtpAddress.getAddress(), rtpAddress.getPort() + 1));
    } catch (IOException e) {
      rtp.close();
      throw e;
    }
    this.seq = ssrc & 0x7FFF;
    this.timestamp = ssrc * 31;
  }

  private static DatagramChannel open(InetSocketAddress address) throws IOException {
    DatagramChannel channel = DatagramChannel.open();
    channel.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 18);
    channel.bind(address);
    channel.configureBlocking(false);
    return channel;
  }

  int localRtpPort() {
    return ((InetSocketAddress) rtp.socket().getLocalSocketAddress()).getPort();
  }

  /** Sends this tick's frame (sender thread). Returns false when the socket refused it. */
  boolean sendFrame(long nowNanos) throws IOException {
    InetSocketAddress target = remote;
    if (target == null) {
      return true;
    }
    boolean marker = Signal.markerFrame(framesSent, markerPhase);
    packet.clear();
    packet.put((byte) 0x80).put((byte) (framesSent == 0 ? 0x80 : 0x00)); // V=2; M on the first packet; PT 0 (PCMU)
    packet.putShort((short) seq).putInt(timestamp).putInt(ssrc);
    packet.put(marker ? signal.markerPayload() : signal.carrierPayload());
    packet.flip();
    boolean sent = rtp.send(packet, target) > 0;
    if (Signal.markerOnset(framesSent, markerPhase)) {
      lastMarkerSentNanos = nowNanos;
    }
    seq = (seq + 1) & 0xFFFF;
    timestamp += Signal.FRAME_SAMPLES;
    framesSent++;
    return sent;
  }

  /**
   * Measures one packet from the server (receiver thread).
   *
   * @param partner the other caller in the room, whose marker this one listens for
   * @return a one-way latency sample in nanoseconds, or -1
   */
  long onPacket(ByteBuffer datagram, long arrivalNanos, boolean measuring, Caller partner) {
    if (datagram.remaining() < 12 + Signal.FRAME_SAMPLES || (datagram.get(0) & 0xC0) != 0x80) {
      return -1;
    }
    int csrcCount = datagram.get(0) & 0x0F;
    int payloadOffset = 12 + 4 * csrcCount;
    int seqNumber = datagram.getShort(2) & 0xFFFF;
    int ts = datagram.getInt(4);
    int length = Math.min(Signal.FRAME_SAMPLES, datagram.limit() - payloadOffset);
    byte[] frame = frameBuffer;
    datagram.get(payloadOffset, frame, 0, length);
    double carrier = partnerCarrier.amplitude(frame, 0, length);
    double marker = partnerMarker.amplitude(frame, 0, length);
    double own = ownCarrier.amplitude(frame, 0, length);
    long latency = -1;
    if (!markerHeard && marker > Signal.AMPLITUDE / 4.0) {
      markerHeard = true;
      long sent = partner.lastMarkerSentNanos;
      long elapsed = arrivalNanos - sent;
      if (sent != 0 && elapsed >= 0 && elapsed < 500_000_000L) {
        latency = elapsed;
      }
    } else if (markerHeard && marker < Signal.AMPLITUDE / 8.0) {
      markerHeard = false;
    }
    if (measuring) {
      stats.onPacket(seqNumber, ts, arrivalNanos);
      stats.onFrame(carrier > Signal.AMPLITUDE / 4.0, peak(frame, length) < 64, own > Signal.AMPLITUDE / 10.0);
    }
    return measuring ? latency : -1;
  }

  private static int peak(byte[] ulaw, int length) {
    int peak = 0;
    for (int i = 0; i < length; i++) {
      peak = Math.max(peak, Math.abs(MuLaw.decode(ulaw[i])));
    }
    return peak;
  }

  @Override
  public void close() throws IOException {
    rtp.close();
    rtcp.close();
  }
}
