package io.switchboard.media.net;

import io.switchboard.media.dtmf.DtmfDigit;
import io.switchboard.media.dtmf.DtmfReceiver;
import io.switchboard.media.jitter.JitterBuffer;
import io.switchboard.media.jitter.JitterBufferConfig;
import io.switchboard.media.rtp.RtpPacket;
import io.switchboard.media.rtp.RtpParseStatus;
import io.switchboard.media.rtp.RtpReceiveStatistics;
import java.net.InetSocketAddress;

/**
 * The receive half of a leg: validates datagrams, enforces the source latch, routes audio into
 * the jitter buffer and telephone events into the DTMF receiver. The owning {@link RtpLeg}
 * serialises every call with one lock; nothing here allocates per packet.
 */
final class RtpReceiver {
  private final RtpPacket packet = new RtpPacket();
  private final DtmfReceiver dtmf = new DtmfReceiver();
  private final SourceLatch latch;
  private final JitterBufferConfig jitterConfig;

  private MediaFormat format;
  private JitterBuffer jitter;
  private RtpReceiveStatistics statistics;
  private boolean lockedNow;
  private DtmfDigit digitNow;
  private int poppedLength;

  long packets;
  long octets;
  long droppedUnknownSource;
  long droppedMalformed;
  long droppedUnknownPayloadType;
  long digits;
  long lastMediaMillis;

  RtpReceiver(RtpLegConfig config) {
    this.latch = new SourceLatch(config.learningPackets(), config.learnFromAnyAddress(), config.learningWindow());
    this.jitterConfig = config.jitterBuffer();
    this.jitter = new JitterBuffer(jitterConfig);
  }

  void expect(InetSocketAddress remote, long nowMillis) {
    latch.expect(remote, nowMillis);
  }

  /** Adopts a negotiated format; a different codec starts a fresh jitter buffer. */
  void setFormat(MediaFormat next) {
    if (format == null || !format.codec().equals(next.codec()) || format.payloadType() != next.payloadType()) {
      jitter = new JitterBuffer(jitterConfig.withClockRate(next.codec().clockRate()));
      statistics = null;
    }
    format = next;
  }

  /**
   * Handles one datagram. Afterwards {@link #lockedNow()} and {@link #digitNow()} tell whether
   * it completed source learning or carried a new DTMF digit.
   */
  void onDatagram(InetSocketAddress from, byte[] buf, int len, long nowMillis) {
    lockedNow = false;
    digitNow = null;
    if (packet.parse(buf, 0, len) != RtpParseStatus.OK) {
      droppedMalformed++;
      return;
    }
    switch (latch.onPacket(from, nowMillis)) {
      case DROP -> {
        droppedUnknownSource++;
        return;
      }
      case LOCKED -> lockedNow = true;
      case ACCEPT -> {}
    }
    lastMediaMillis = nowMillis;
    int pt = packet.payloadType();
    boolean audio = format != null && pt == format.payloadType();
    boolean event = format != null && format.hasTelephoneEvents() && pt == format.telephoneEventPayloadType();
    if (!audio && !event) {
      droppedUnknownPayloadType++;
      return;
    }
    packets++;
    octets += packet.payloadLength();
    if (statistics == null || statistics.ssrc() != packet.ssrc()) {
      statistics = new RtpReceiveStatistics(packet.ssrc(), format.codec().clockRate());
    }
    statistics.onPacket(packet.sequenceNumber(), packet.timestamp(), nowMillis);
    if (audio) {
      jitter.insert(packet.ssrc(), packet.sequenceNumber(), packet.timestamp(), buf,
          packet.payloadOffset(), packet.payloadLength(), nowMillis);
      return;
    }
    jitter.insertSilence(packet.ssrc(), packet.sequenceNumber(), packet.timestamp());
    digitNow = dtmf.onPacket(packet.ssrc(), packet.timestamp(), packet.marker(), buf,
        packet.payloadOffset(), packet.payloadLength());
    if (digitNow != null) {
      digits++;
    }
  }

  boolean lockedNow() {
    return lockedNow;
  }

  DtmfDigit digitNow() {
    return digitNow;
  }

  /**
   * Pops one tick; on FRAME the payload is copied to {@code into}, and on LOST the payload of the
   * frame after the lost one when it is already here (for FEC); see {@link #poppedLength()}.
   */
  JitterBuffer.PopResult pop(byte[] into) {
    JitterBuffer.PopResult result = jitter.pop();
    poppedLength = 0;
    if (result == JitterBuffer.PopResult.FRAME) {
      poppedLength = Math.min(into.length, jitter.payloadLength());
      System.arraycopy(jitter.payload(), jitter.payloadOffset(), into, 0, poppedLength);
    } else if (result == JitterBuffer.PopResult.LOST && jitter.hasFollowerOfLostFrame()) {
      poppedLength = Math.min(into.length, jitter.followerLength());
      System.arraycopy(jitter.payload(), jitter.followerOffset(), into, 0, poppedLength);
    }
    return result;
  }

  int poppedLength() {
    return poppedLength;
  }

  InetSocketAddress lockedSource() {
    return latch.locked();
  }

  InetSocketAddress signalledSource() {
    return latch.signalled();
  }

  JitterBuffer jitter() {
    return jitter;
  }

  /** Reception statistics of the current remote source, or null before its first packet. */
  RtpReceiveStatistics statistics() {
    return statistics;
  }
}
