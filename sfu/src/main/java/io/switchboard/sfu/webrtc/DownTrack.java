package io.switchboard.sfu.webrtc;


/**
 * One track as one subscriber receives it: packets of the source are copied with this down
 * track's SSRC, payload type, and sequence numbers and timestamps shifted so the subscriber sees
 * one continuous stream even when the source restarts (a new SSRC). Allocation-free per packet.
 */
public final class DownTrack {
  /** Opus at 48 kHz in 20 ms frames: the timestamp step assumed across a source change. */
  private static final int FRAME_TICKS = 960;

  private final int ssrc;
  private int payloadType;
  /** The video source this down track belongs to; null for audio. */
  private TrackFanout video;
  private int clockRate = 48_000;
  private int frameTicks = FRAME_TICKS;
  private boolean awaitingKeyframe;
  private final byte[] resent = new byte[1500];
  private long retransmitted;
  private final RtpSender sender;
  private final RtpSender rtcpSender;
  private final String cname;
  private final java.time.Clock clock;
  private final byte[] scratch = new byte[1500];
  private final byte[] report = new byte[128];
  private long octets;
  private long lastSentMillis;
  private boolean started;
  private int sourceSsrc;
  private int seqOffset;
  private int tsOffset;
  private int lastSeq;
  private int lastTs;
  private long sent;

  /**
   * @param rtcpSender sends this down track's sender reports
   * @param cname the RTCP CNAME the SDP announced for the SSRC
   */
  public DownTrack(
      int ssrc, int payloadType, RtpSender sender, RtpSender rtcpSender, String cname, java.time.Clock clock) {
    this.ssrc = ssrc;
    this.payloadType = payloadType;
    this.sender = sender;
    this.rtcpSender = rtcpSender;
    this.cname = cname;
    this.clock = clock;
  }

  /**
   * Sends an RTCP sender report with the CNAME (RFC 3550 §6.4.1, §6.1 compound) if anything was
   * sent; its RTP timestamp is the last packet's advanced by the time since, at 48 kHz. Called
   * every few seconds, so the allocation of the report's records does not matter.
   *
   * @return whether one was sent
   */
  public synchronized boolean sendReport() {
    if (sent == 0) {
      return false;
    }
    long now = clock.millis();
    long rtpNow = (lastTs + (now - lastSentMillis) * (clockRate / 1000)) & 0xFFFF_FFFFL;
    int n =
        io.switchboard.media.rtp.RtcpWriter.writeCompound(
            java.util.List.of(
                new io.switchboard.media.rtp.RtcpSenderReport(
                    ssrc, io.switchboard.media.rtp.NtpTime.fromEpochMillis(now), rtpNow,
                    sent & 0xFFFF_FFFFL, octets & 0xFFFF_FFFFL, java.util.List.of()),
                io.switchboard.media.rtp.RtcpSourceDescription.of(ssrc, cname)),
            report,
            0);
    return rtcpSender.sendRtp(report, 0, n);
  }

  /**
   * Makes this a video down track of {@code source}: 90 kHz, the codec's payload type, and
   * nothing is sent until a keyframe starts (asked for as long as it does not come), so a new
   * subscriber's decoder starts clean.
   */
  synchronized void attachVideo(TrackFanout source) {
    video = source;
    clockRate = VideoCodec.CLOCK_RATE;
    frameTicks = VideoCodec.CLOCK_RATE / 30;
    awaitingKeyframe = true;
    if (source.codec() != null) {
      payloadType = source.codec().payloadType();
    }
  }

  synchronized void setPayloadType(int payloadType) {
    this.payloadType = payloadType;
  }

  /** Packets sent again for NACKs. */
  public synchronized long retransmitted() {
    return retransmitted;
  }

  /**
   * Answers a subscriber's generic NACK (RFC 4585 §6.2.1) with the packets it names that the
   * track's cache still holds, rewritten as they were sent.
   */
  public synchronized void onNack(int seq, int bitmask) {
    if (video == null || !started) {
      return;
    }
    resend(seq);
    for (int bit = 0; bit < 16; bit++) {
      if ((bitmask & (1 << bit)) != 0) {
        resend((seq + bit + 1) & 0xFFFF);
      }
    }
  }

  private void resend(int outSeq) {
    int len = video.cache().get((outSeq - seqOffset) & 0xFFFF, resent);
    if (len == 0 || RtpFields.i32(resent, 8) != sourceSsrc) {
      return;
    }
    resent[1] = (byte) ((resent[1] & 0x80) | payloadType);
    RtpFields.putU16(resent, 2, outSeq);
    RtpFields.putI32(resent, 4, RtpFields.i32(resent, 4) + tsOffset);
    RtpFields.putI32(resent, 8, ssrc);
    if (sender.sendRtp(resent, 0, len)) {
      retransmitted++;
    }
  }

  /** A subscriber's PLI or FIR: passed on to the publisher (rate-limited there). */
  public void onKeyframeRequest() {
    TrackFanout source;
    synchronized (this) {
      source = video;
    }
    if (source != null) {
      source.requestKeyframe();
    }
  }

  public int ssrc() {
    return ssrc;
  }

  /** Packets sent so far. */
  public synchronized long sent() {
    return sent;
  }

  /** Rewrites and sends one plaintext RTP packet of the source (RFC 3550 §5.1 fixed header). */
  public synchronized void forward(byte[] buf, int off, int len) {
    if (len < 12 || len > scratch.length) {
      return;
    }
    int inSsrc = RtpFields.i32(buf, off + 8);
    int inSeq = RtpFields.u16(buf, off + 2);
    int inTs = RtpFields.i32(buf, off + 4);
    if (awaitingKeyframe) {
      VideoCodec codec = video.codec();
      if (codec != null && !codec.startsKeyframe(buf, off, len)) {
        video.requestKeyframe();
        return;
      }
    }
    if (!started || inSsrc != sourceSsrc) {
      int nextSeq = started ? lastSeq + 1 : inSeq;
      int nextTs = started ? lastTs + frameTicks : inTs;
      seqOffset = nextSeq - inSeq;
      tsOffset = nextTs - inTs;
      sourceSsrc = inSsrc;
      started = true;
    }
    System.arraycopy(buf, off, scratch, 0, len);
    lastSeq = (inSeq + seqOffset) & 0xFFFF;
    lastTs = inTs + tsOffset;
    scratch[1] = (byte) ((scratch[1] & 0x80) | payloadType);
    RtpFields.putU16(scratch, 2, lastSeq);
    RtpFields.putI32(scratch, 4, lastTs);
    RtpFields.putI32(scratch, 8, ssrc);
    if (sender.sendRtp(scratch, 0, len)) {
      awaitingKeyframe = false;
      sent++;
      octets += len - 12;
      lastSentMillis = clock.millis();
    }
  }
}
