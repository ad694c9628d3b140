package io.switchboard.sfu.webrtc;

import io.switchboard.media.rtp.RtcpReceiverReport;
import io.switchboard.media.rtp.RtcpWriter;
import io.switchboard.media.rtp.RtpReceiveStatistics;
import java.time.Clock;
import java.util.List;

/**
 * One video track a WebRTC client publishes: its packets are forwarded as they are to every
 * subscriber through the track's {@link TrackFanout}. Towards the publisher it sends, once a
 * second, an RTCP receiver report (RFC 3550 §6.4.2) with a REMB of a fixed, generous estimate
 * (so the browser's loss-based controller ramps up to its target bitrate: transport-cc is not
 * negotiated), and a PLI (RFC 4585 §6.3.1) whenever a subscriber needs a keyframe, at most one
 * per {@link #KEYFRAME_INTERVAL_MILLIS}. A gap of up to 17 sequence numbers is NACKed at once
 * (RFC 4585 §6.2.1), so the publisher resends what the network lost before subscribers miss it.
 */
public final class VideoIngress implements RtpIngress {
  /** The bandwidth estimate every REMB announces. */
  public static final long REMB_BITS_PER_SECOND = 3_000_000;

  static final long KEYFRAME_INTERVAL_MILLIS = 300;
  private static final long FEEDBACK_INTERVAL_MILLIS = 1000;
  /** How long the current source must be silent before another SSRC replaces it. */
  static final long SOURCE_HOLD_MILLIS = 500;

  private final VideoCodec codec;
  private final int payloadType;
  private final TrackFanout fanout;
  private final RtpSender rtcp;
  private final Clock clock;
  private final int ownSsrc;
  private final byte[] out = new byte[256];
  private RtpReceiveStatistics stats;
  private int sourceSsrc;
  private long lastFeedbackMillis;
  private long lastKeyframeRequestMillis = Long.MIN_VALUE / 2;
  private long packets;
  private int highestSeq = -1;
  private long lastPacketMillis;

  /**
   * @param payloadType the client's payload type for {@code codec} (other packets are ignored)
   * @param rtcp sends RTCP on the publisher connection
   * @param ownSsrc the sender SSRC of our feedback
   */
  public VideoIngress(VideoCodec codec, int payloadType, TrackFanout fanout, RtpSender rtcp, Clock clock, int ownSsrc) {
    this.codec = codec;
    this.payloadType = payloadType;
    this.fanout = fanout;
    this.rtcp = rtcp;
    this.clock = clock;
    this.ownSsrc = ownSsrc;
    fanout.bindVideo(codec, this::requestKeyframe);
  }

  public VideoCodec codec() {
    return codec;
  }

  public synchronized long packets() {
    return packets;
  }

  @Override
  public void onRtp(byte[] buf, int off, int len) {
    if (len < 12 || (buf[off + 1] & 0x7F) != payloadType) {
      return;
    }
    synchronized (this) {
      int ssrc = RtpFields.i32(buf, off + 8);
      long now = clock.millis();
      if (stats != null && ssrc != sourceSsrc && now - lastPacketMillis < SOURCE_HOLD_MILLIS) {
        return; // a second stream (a simulcast layer the client kept sending): one at a time
      }
      lastPacketMillis = now;
      if (stats == null || ssrc != sourceSsrc) {
        stats = new RtpReceiveStatistics(ssrc, VideoCodec.CLOCK_RATE);
        sourceSsrc = ssrc;
        highestSeq = -1;
        lastFeedbackMillis = now - FEEDBACK_INTERVAL_MILLIS; // report and estimate at once
      }
      packets++;
      int seq = RtpFields.u16(buf, off + 2);
      stats.onPacket(seq, RtpFields.i32(buf, off + 4), now);
      nackGap(seq);
      if (now - lastFeedbackMillis >= FEEDBACK_INTERVAL_MILLIS) {
        lastFeedbackMillis = now;
        sendFeedback();
      }
    }
    fanout.forward(buf, off, len); // after the source is known, so a new subscriber's PLI can name it
  }

  /** NACKs the packets between the highest sequence number so far and {@code seq}, if few. */
  private void nackGap(int seq) {
    int gap = highestSeq < 0 ? 1 : (seq - highestSeq) & 0xFFFF;
    if (gap >= 0x8000) {
      return; // older than the highest: a reordered or resent packet
    }
    if (gap > 1 && gap <= 18) {
      int first = (highestSeq + 1) & 0xFFFF;
      int bitmask = 0;
      for (int i = 1; i < gap - 1; i++) {
        bitmask |= 1 << (i - 1);
      }
      int n = RtcpFeedback.writeNack(out, 0, ownSsrc, sourceSsrc, first, bitmask);
      rtcp.sendRtp(out, 0, n);
    }
    highestSeq = seq;
  }

  /** Asks the publisher for a keyframe, unless one was asked for moments ago. */
  public synchronized void requestKeyframe() {
    long now = clock.millis();
    if (stats == null || now - lastKeyframeRequestMillis < KEYFRAME_INTERVAL_MILLIS) {
      return;
    }
    lastKeyframeRequestMillis = now;
    int n = RtcpFeedback.writePli(out, 0, ownSsrc, sourceSsrc);
    rtcp.sendRtp(out, 0, n);
  }

  /** RR + REMB as one compound packet (RFC 3550 §6.1: a compound starts with a report). */
  private void sendFeedback() {
    int n = RtcpWriter.write(new RtcpReceiverReport(ownSsrc, List.of(stats.reportBlock(0, 0))), out, 0);
    n += RtcpFeedback.writeRemb(out, n, ownSsrc, sourceSsrc, REMB_BITS_PER_SECOND);
    rtcp.sendRtp(out, 0, n);
  }
}
