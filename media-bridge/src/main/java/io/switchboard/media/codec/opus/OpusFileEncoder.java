package io.switchboard.media.codec.opus;

import com.sun.jna.ptr.IntByReference;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import tomp2p.opuswrapper.Opus;

/**
 * Opus encoder for recordings (Ogg Opus files, RFC 7845): 48 kHz, mono or interleaved stereo, 20 ms
 * frames, OPUS_APPLICATION_AUDIO. Buffers are direct and reused, so encoding allocates nothing.
 */
public final class OpusFileEncoder implements AutoCloseable {
  /** Samples per channel in one 20 ms frame at 48 kHz. */
  public static final int FRAME_SAMPLES = 960;

  private final Opus opus;
  private final NativeState state;
  private final int channels;
  private final int lookahead;
  private final ShortBuffer pcm;
  private final ByteBuffer packet = ByteBuffer.allocateDirect(OpusEncoder.MAX_PAYLOAD);

  OpusFileEncoder(Opus opus, Cleaner cleaner, int channels, int bitrate) {
    if (channels != 1 && channels != 2) {
      throw new IllegalArgumentException("recordings are mono or stereo, not " + channels + " channels");
    }
    this.opus = opus;
    this.channels = channels;
    this.state = NativeState.encoder(opus, this, cleaner, OpusRuntime.SAMPLE_RATE, channels, Opus.OPUS_APPLICATION_AUDIO);
    NativeState.check(opus, opus.opus_encoder_ctl(state.handle(), Opus.OPUS_SET_BITRATE_REQUEST, bitrate), "setting Opus bitrate");
    IntByReference delay = new IntByReference();
    NativeState.check(opus, opus.opus_encoder_ctl(state.handle(), Opus.OPUS_GET_LOOKAHEAD_REQUEST, delay), "reading Opus lookahead");
    this.lookahead = delay.getValue();
    this.pcm = ByteBuffer.allocateDirect(FRAME_SAMPLES * channels * 2).order(ByteOrder.nativeOrder()).asShortBuffer();
  }

  public int channels() {
    return channels;
  }

  /** Samples (at 48 kHz) the decoder must drop at the start: OpusHead's pre-skip (RFC 7845 §4.2). */
  public int lookahead() {
    return lookahead;
  }

  /**
   * Encodes one 20 ms frame of {@code 960 * channels} interleaved samples into {@code out}.
   *
   * @return the packet length
   */
  public int encode(short[] interleaved, byte[] out) {
    pcm.put(0, interleaved, 0, FRAME_SAMPLES * channels);
    int room = Math.min(OpusEncoder.MAX_PAYLOAD, out.length);
    int length =
        NativeState.check(opus, OpusHotPath.opus_encode(state.address(), pcm, FRAME_SAMPLES, packet, room), "opus_encode");
    packet.get(0, out, 0, length);
    return length;
  }

  @Override
  public void close() {
    state.close();
  }
}
