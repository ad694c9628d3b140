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
 * per {@link #KEYFRAME_INTERVAL_MILLIS}.
 */
public final class VideoIngress implements RtpIngress {
  /** The bandwidth estimate every REMB announces. */
  public static final long REMB_BITS_PER_SECOND = 3_000_000;

  static final long KEYFRAME_INTERVAL_MILLIS = 300;
  private static final long FEEDBACK_INTERVAL_MILLIS = 1000;

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
      if (stats == null || ssrc != sourceSsrc) {
        stats = new RtpReceiveStatistics(ssrc, VideoCodec.CLOCK_RATE);
        sourceSsrc = ssrc;
        lastFeedbackMillis = now - FEEDBACK_INTERVAL_MILLIS; // report and estimate at once
      }
      packets++;
      stats.onPacket(RtpFields.u16(buf, off + 2), RtpFields.i32(buf, off + 4), now);
      if (now - lastFeedbackMillis >= FEEDBACK_INTERVAL_MILLIS) {
        lastFeedbackMillis = now;
        sendFeedback();
      }
    }
    fanout.forward(buf, off, len); // after the source is known, so a new subscriber's PLI can name it
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
