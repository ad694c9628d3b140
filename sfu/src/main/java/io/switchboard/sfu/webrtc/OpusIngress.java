package io.switchboard.sfu.webrtc;

import io.switchboard.media.audio.AudioSource;
import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.codec.AudioDecoder;
import io.switchboard.media.jitter.JitterBuffer;
import io.switchboard.media.jitter.JitterBufferConfig;
import io.switchboard.media.rtp.RtpPacket;
import io.switchboard.media.rtp.RtpParseStatus;
import java.time.Clock;

/**
 * One Opus track a WebRTC client publishes. Each packet is forwarded as it is to WebRTC
 * subscribers (no transcoding) and also queued in a jitter buffer, from which the room's media
 * clock pulls it, decoded once, for the phone side and agents. RTP arrives on the transport's
 * network thread, {@link #read} runs on the media thread; only the jitter buffer is shared.
 */
public final class OpusIngress implements AudioSource, RtpIngress {
  private volatile int payloadType;
  private final TrackFanout fanout;
  private final AudioDecoder decoder;
  private final Clock clock;
  private final RtpPacket parsed = new RtpPacket();
  private final JitterBuffer jitter = new JitterBuffer(JitterBufferConfig.defaults(48_000));
  private final byte[] popped = new byte[1500];
  private long packets;
  private ReceiverReporter reports;

  public OpusIngress(int payloadType, TrackFanout fanout, AudioDecoder decoder, Clock clock) {
    this.payloadType = payloadType;
    this.fanout = fanout;
    this.decoder = decoder;
    this.clock = clock;
  }

  /** The payload type the publisher's answer settled on (-1 until then: nothing is taken). */
  public void setPayloadType(int payloadType) {
    this.payloadType = payloadType;
  }

  /** Sends receiver reports about this track to its publisher every 5 s (RFC 3550 §6.2). */
  public synchronized void reportTo(RtpSender rtcp, int ownSsrc) {
    reports = new ReceiverReporter(rtcp, ownSsrc, 48_000, 5_000);
  }

  public TrackFanout fanout() {
    return fanout;
  }

  /** Packets received so far. */
  public synchronized long packets() {
    return packets;
  }

  /** One decrypted RTP packet of this track. */
  @Override
  public void onRtp(byte[] buf, int off, int len) {
    if (parsed.parse(buf, off, len) != RtpParseStatus.OK || parsed.payloadType() != payloadType) {
      return;
    }
    fanout.forward(buf, off, len);
    synchronized (this) {
      packets++;
      if (reports != null) {
        reports.onPacket(parsed.ssrc(), parsed.sequenceNumber(), parsed.timestamp(), clock.millis());
      }
      jitter.insert(
          parsed.ssrc(),
          parsed.sequenceNumber(),
          parsed.timestamp(),
          parsed.buffer(),
          parsed.payloadOffset(),
          parsed.payloadLength(),
          clock.millis());
    }
  }

  @Override
  public int sampleRate() {
    return 48_000;
  }

  @Override
  public boolean read(PcmFrame into) {
    JitterBuffer.PopResult result;
    int length;
    synchronized (this) {
      result = jitter.pop();
      boolean fecSource = result == JitterBuffer.PopResult.LOST && jitter.hasFollowerOfLostFrame();
      length = result == JitterBuffer.PopResult.FRAME ? jitter.payloadLength()
          : fecSource ? jitter.followerLength() : 0;
      if (length > 0) {
        int offset = fecSource ? jitter.followerOffset() : jitter.payloadOffset();
        System.arraycopy(jitter.payload(), offset, popped, 0, length);
      }
    }
    return switch (result) {
      case FRAME -> {
        if (length == 0) {
          into.setSampleRate(48_000);
          into.silence();
        } else {
          decoder.decode(popped, 0, length, into);
        }
        yield true;
      }
      case LOST -> {
        if (length > 0) { // the next packet is here: recover the lost one from its in-band FEC
          decoder.recover(popped, 0, length, into);
        } else {
          decoder.conceal(into);
        }
        yield true;
      }
      case EMPTY -> false;
    };
  }
}
