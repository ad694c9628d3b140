package io.switchboard.sfu.webrtc;

import io.switchboard.media.audio.AudioSink;
import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.codec.AudioEncoder;

/**
 * A track that exists as PCM in the room (a phone caller, an agent) turned into Opus RTP once, for
 * all WebRTC subscribers: the room writes one 48 kHz frame per tick, this encodes it and hands the
 * packet to the fan-out. Media-thread only; allocation-free per frame.
 */
public final class PcmTrackEncoder implements AudioSink {
  private static final int SAMPLE_RATE = 48_000;
  private static final int FRAME_TICKS = 960;

  private final AudioEncoder opus;
  private final TrackFanout fanout;
  private final int ssrc;
  private final byte[] packet = new byte[12 + 1275];
  private int seq;
  private int timestamp;

  public PcmTrackEncoder(AudioEncoder opus, TrackFanout fanout, int ssrc) {
    if (opus.sampleRate() != SAMPLE_RATE) {
      throw new IllegalArgumentException("Opus encoder must take 48 kHz, got " + opus.sampleRate());
    }
    this.opus = opus;
    this.fanout = fanout;
    this.ssrc = ssrc;
  }

  @Override
  public int sampleRate() {
    return SAMPLE_RATE;
  }

  @Override
  public void write(PcmFrame frame) {
    if (fanout.size() == 0) {
      return;
    }
    int n = opus.encode(frame, packet, 12);
    packet[0] = (byte) 0x80;
    packet[1] = (byte) SubscriberOffer.OPUS_PAYLOAD_TYPE;
    RtpFields.putU16(packet, 2, seq++);
    RtpFields.putI32(packet, 4, timestamp);
    RtpFields.putI32(packet, 8, ssrc);
    timestamp += FRAME_TICKS;
    fanout.forward(packet, 0, 12 + n);
  }
}
