package io.switchboard.media.codec.g722;

import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.codec.AudioCodec;

/**
 * ITU-T G.722 at 64 kbit/s: sub-band ADPCM of 16 kHz audio, one byte per pair of samples
 * (6 bits lower band, 2 bits upper band).
 */
public final class G722 {
  /** RTP payload type (RFC 3551 §6). */
  public static final int PAYLOAD_TYPE = 9;
  /** RTP clock rate: 8000, although the audio is sampled at 16 kHz (RFC 3551 §4.5.2). */
  public static final int CLOCK_RATE = 8000;
  public static final int SAMPLE_RATE = 16_000;
  /** Bytes in one 20 ms payload. */
  public static final int FRAME_BYTES = PcmFrame.samplesPerFrame(SAMPLE_RATE) / 2;

  private G722() {}

  /** The codec as negotiated in SDP ({@code a=rtpmap:9 G722/8000}). */
  public static AudioCodec codec() {
    return new AudioCodec("G722", PAYLOAD_TYPE, CLOCK_RATE, SAMPLE_RATE, G722Encoder::new, G722Decoder::new);
  }
}
