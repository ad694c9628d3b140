package io.switchboard.media.codec.opus;

import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.codec.AudioDecoder;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import tomp2p.opuswrapper.Opus;

/**
 * Opus decoder for one mono 48 kHz stream of 20 ms packets, with libopus's loss concealment
 * and in-band FEC recovery. Packets that are corrupt or not 20 ms long are concealed and
 * counted rather than thrown on, since they arrive from the network. Close it when the
 * stream ends; a decoder dropped unclosed is freed by the runtime's cleaner.
 */
public final class OpusDecoder implements AudioDecoder, AutoCloseable {
  private static final int SAMPLES = PcmFrame.samplesPerFrame(OpusRuntime.SAMPLE_RATE);
  /** RFC 6716 §3.2.5: a packet holds up to 120 ms. */
  private static final int MAX_PACKET_SAMPLES = 6 * SAMPLES;
  /** Larger than any packet a UDP datagram of one Ethernet frame can carry. */
  private static final int MAX_PACKET_BYTES = 1500;

  private final Opus opus;
  private final NativeState state;
  private final ShortBuffer pcm;
  /** Payloads that do not start at offset 0 are copied here: the binding takes whole arrays. */
  private final byte[] staging = new byte[MAX_PACKET_BYTES];
  private long invalidPackets;
  private int lastInvalidResult;

  OpusDecoder(Opus opus, Cleaner cleaner) {
    this.opus = opus;
    this.state = NativeState.decoder(opus, this, cleaner, OpusRuntime.SAMPLE_RATE);
    this.pcm = ByteBuffer.allocateDirect(MAX_PACKET_SAMPLES * 2).order(ByteOrder.nativeOrder()).asShortBuffer();
  }

  @Override
  public int sampleRate() {
    return OpusRuntime.SAMPLE_RATE;
  }

  @Override
  public void decode(byte[] payload, int offset, int length, PcmFrame out) {
    run(payload, offset, length, false, out);
  }

  /**
   * Fills {@code out} with the frame <em>before</em> {@code nextPayload}, which was lost,
   * from the redundancy the encoder put in the next packet (RFC 6716 §2.1.7). libopus
   * conceals instead when that packet carries none. Decode {@code nextPayload} itself
   * afterwards as usual.
   */
  public void decodeFec(byte[] nextPayload, int offset, int length, PcmFrame out) {
    run(nextPayload, offset, length, true, out);
  }

  @Override
  public void recover(byte[] nextPayload, int offset, int length, PcmFrame out) {
    decodeFec(nextPayload, offset, length, out);
  }

  /** Fills {@code out} with libopus's packet loss concealment. */
  @Override
  public void conceal(PcmFrame out) {
    int samples = OpusHotPath.opus_decode(state.address(), null, 0, pcm, SAMPLES, 0);
    copyOut(samples, out);
  }

  private void run(byte[] payload, int offset, int length, boolean fec, PcmFrame out) {
    if (length <= 0 || length > MAX_PACKET_BYTES || offset < 0 || offset + length > payload.length) {
      invalid(length <= 0 ? Opus.OPUS_INVALID_PACKET : Opus.OPUS_BAD_ARG, out);
      return;
    }
    byte[] data = payload;
    if (offset != 0) {
      System.arraycopy(payload, offset, staging, 0, length);
      data = staging;
    }
    // For FEC the frame size must be the lost frame's; otherwise allow any packet to decode.
    int result = OpusHotPath.opus_decode(state.address(), data, length, pcm, fec ? SAMPLES : MAX_PACKET_SAMPLES, fec ? 1 : 0);
    if (result != SAMPLES) {
      invalid(result < 0 ? result : Opus.OPUS_BAD_ARG, out);
      return;
    }
    copyOut(result, out);
  }

  private void invalid(int result, PcmFrame out) {
    invalidPackets++;
    lastInvalidResult = result;
    conceal(out);
  }

  private void copyOut(int samples, PcmFrame out) {
    NativeState.check(opus, samples, "opus_decode");
    out.setSampleRate(OpusRuntime.SAMPLE_RATE);
    pcm.get(0, out.samples(), 0, SAMPLES);
  }

  /** Packets that were corrupt or not 20 ms long, and were concealed instead. */
  public long invalidPackets() {
    return invalidPackets;
  }

  /** Why the last invalid packet was refused, in libopus's words; empty if none was. */
  public String lastInvalidReason() {
    if (invalidPackets == 0) {
      return "";
    }
    return lastInvalidResult == Opus.OPUS_BAD_ARG
        ? "payload was not one 20 ms frame of at most " + MAX_PACKET_BYTES + " bytes"
        : opus.opus_strerror(lastInvalidResult);
  }

  @Override
  public void close() {
    state.close();
  }
}
