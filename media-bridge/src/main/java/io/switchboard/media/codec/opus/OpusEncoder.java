package io.switchboard.media.codec.opus;

import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.codec.AudioEncoder;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import tomp2p.opuswrapper.Opus;

/**
 * Opus encoder for one mono 48 kHz stream of 20 ms frames, in VoIP mode (RFC 6716). Frames are
 * staged through direct buffers reused for the life of the encoder. Close it when the stream
 * ends; an encoder dropped unclosed is freed by the runtime's cleaner.
 */
public final class OpusEncoder implements AudioEncoder, AutoCloseable {
  /** RFC 6716 §3.4 [R2]: no frame is longer than 1275 bytes; one 20 ms frame per packet here. */
  public static final int MAX_PAYLOAD = 1275;
  private static final int SAMPLES = PcmFrame.samplesPerFrame(OpusRuntime.SAMPLE_RATE);

  private final Opus opus;
  private final NativeState state;
  private final ShortBuffer pcm;
  private final ByteBuffer packet;

  OpusEncoder(Opus opus, Cleaner cleaner, OpusEncoderSettings settings) {
    this.opus = opus;
    this.state = NativeState.encoder(opus, this, cleaner, OpusRuntime.SAMPLE_RATE, Opus.OPUS_APPLICATION_VOIP);
    this.pcm = ByteBuffer.allocateDirect(SAMPLES * 2).order(ByteOrder.nativeOrder()).asShortBuffer();
    this.packet = ByteBuffer.allocateDirect(MAX_PAYLOAD);
    set(Opus.OPUS_SET_BITRATE_REQUEST, settings.bitrate(), "bitrate");
    set(Opus.OPUS_SET_COMPLEXITY_REQUEST, settings.complexity(), "complexity");
    set(Opus.OPUS_SET_INBAND_FEC_REQUEST, settings.inbandFec() ? 1 : 0, "in-band FEC");
    set(Opus.OPUS_SET_PACKET_LOSS_PERC_REQUEST, settings.expectedLossPercent(), "expected loss");
    set(Opus.OPUS_SET_DTX_REQUEST, settings.dtx() ? 1 : 0, "DTX");
    set(Opus.OPUS_SET_SIGNAL_REQUEST, settings.voiceHint() ? Opus.OPUS_SIGNAL_VOICE : Opus.OPUS_AUTO, "signal type");
  }

  private void set(int request, int value, String what) {
    NativeState.check(opus, opus.opus_encoder_ctl(state.handle(), request, value), "setting Opus " + what);
  }

  @Override
  public int sampleRate() {
    return OpusRuntime.SAMPLE_RATE;
  }

  /**
   * Encodes one 20 ms frame.
   *
   * @return the payload length: a few bytes in DTX silence, at most {@link #MAX_PAYLOAD}, and
   *     never more than the room left in {@code out}
   */
  @Override
  public int encode(PcmFrame frame, byte[] out, int offset) {
    if (frame.sampleRate() != OpusRuntime.SAMPLE_RATE) {
      throw new IllegalArgumentException("Opus encodes 48000 Hz frames, got " + frame.sampleRate() + " Hz");
    }
    int room = Math.min(MAX_PAYLOAD, out.length - offset);
    if (offset < 0 || room <= 0) {
      throw new IllegalArgumentException("no room at offset " + offset + " of a " + out.length + "-byte buffer");
    }
    pcm.put(0, frame.samples(), 0, SAMPLES);
    int length = NativeState.check(opus, OpusHotPath.opus_encode(state.address(), pcm, SAMPLES, packet, room), "opus_encode");
    packet.get(0, out, offset, length);
    return length;
  }

  @Override
  public void close() {
    state.close();
  }
}
