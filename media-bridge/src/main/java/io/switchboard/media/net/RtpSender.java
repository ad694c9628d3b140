package io.switchboard.media.net;

import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.codec.AudioEncoder;
import io.switchboard.media.dtmf.DtmfDigit;
import io.switchboard.media.dtmf.DtmfSender;
import io.switchboard.media.rtp.RtpHeaderWriter;
import io.switchboard.media.rtp.RtpPacket;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.random.RandomGenerator;

/**
 * The send half of a leg: packetises one frame per tick with continuous sequence numbers and
 * timestamps under one SSRC, the marker bit on the first packet, and RFC 4733 events in place
 * of audio while a digit is being sent. Called from one media thread; counters are volatile
 * for the RTCP thread to read.
 */
final class RtpSender {

  private final byte[] packet = new byte[UdpEndpoint.MAX_DATAGRAM];
  private final Queue<DtmfDigit> pendingDigits = new ConcurrentLinkedQueue<>();
  private final int ssrc;
  private int sequence;
  private int timestamp;
  private boolean first = true;
  private int builtTimestamp;

  private MediaFormat encoderFormat;
  private AudioEncoder encoder;
  private DtmfSender dtmf;

  volatile long packets;
  volatile long octets;
  volatile long digits;
  /** RTP timestamp and clock reading of the last packet, for sender reports. */
  volatile int lastTimestamp;
  volatile long lastSendMillis;
  /** RTP clock rate of the current format. */
  volatile int clockRate = 8000;

  RtpSender(RandomGenerator random) {
    // RFC 3550 §5.1: random SSRC, initial sequence number and timestamp.
    this.ssrc = random.nextInt();
    this.sequence = random.nextInt(1 << 16);
    this.timestamp = random.nextInt();
  }

  int ssrc() {
    return ssrc;
  }

  void queueDigits(DtmfDigit[] digitsToSend) {
    for (DtmfDigit d : digitsToSend) {
      pendingDigits.add(d);
    }
  }

  /**
   * Builds this tick's packet into {@link #packet()}; the timestamp advances one frame whether
   * or not the packet is then sent.
   *
   * @return the packet length
   */
  int build(PcmFrame frame, MediaFormat format) {
    if (format != encoderFormat) {
      adopt(format);
    }
    int tickTimestamp = timestamp;
    builtTimestamp = tickTimestamp;
    timestamp += format.codec().timestampsPerFrame();
    int payloadLength = 0;
    if (dtmf != null) {
      if (!dtmf.busy() && !pendingDigits.isEmpty()) {
        dtmf.enqueue(pendingDigits.poll());
      }
      payloadLength = dtmf.tick(tickTimestamp, packet, RtpPacket.FIXED_HEADER_BYTES);
    }
    boolean marker;
    int payloadType;
    int packetTimestamp;
    if (payloadLength > 0) {
      marker = dtmf.marker();
      payloadType = format.telephoneEventPayloadType();
      packetTimestamp = dtmf.eventTimestamp();
      if (marker) {
        digits++;
      }
    } else {
      payloadLength = encoder.encode(frame, packet, RtpPacket.FIXED_HEADER_BYTES);
      marker = first;
      payloadType = format.payloadType();
      packetTimestamp = tickTimestamp;
    }
    first = false;
    RtpHeaderWriter.write(packet, 0, marker, payloadType, sequence, packetTimestamp, ssrc);
    sequence = (sequence + 1) & 0xFFFF;
    return RtpPacket.FIXED_HEADER_BYTES + payloadLength;
  }

  /** Records a sent packet for RTCP. */
  void sent(int packetLength, long nowMillis) {
    packets++;
    octets += packetLength - RtpPacket.FIXED_HEADER_BYTES;
    lastTimestamp = builtTimestamp;
    lastSendMillis = nowMillis;
  }

  byte[] packet() {
    return packet;
  }

  private void adopt(MediaFormat format) {
    if (encoderFormat == null || !encoderFormat.codec().equals(format.codec())) {
      encoder = format.codec().encoders().get();
    }
    boolean sameEventClock =
        encoderFormat != null && encoderFormat.telephoneEventClockRate() == format.telephoneEventClockRate();
    if (!format.hasTelephoneEvents()) {
      dtmf = null;
      pendingDigits.clear();
    } else if (dtmf == null || !sameEventClock) {
      // Events start at the audio's timestamp; durations count in the events' own clock.
      dtmf = DtmfSender.standard(format.telephoneEventClockRate());
    }
    encoderFormat = format;
    clockRate = format.codec().clockRate();
  }
}
