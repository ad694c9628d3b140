package io.switchboard.media.codec.g722;

import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.codec.AudioDecoder;

/**
 * G.722 64 kbit/s decoder (ITU-T G.722 §4): 160 bytes into 20 ms of 16 kHz PCM. Lost packets
 * are concealed by repeating the last frame while fading it out. One instance per stream;
 * decoding allocates nothing.
 */
public final class G722Decoder implements AudioDecoder {
  private static final int SAMPLES = PcmFrame.samplesPerFrame(G722.SAMPLE_RATE);

  private final QuadratureMirrorFilter.Synthesis qmf = new QuadratureMirrorFilter.Synthesis(SAMPLES);
  private final LowerBand lowerBand = new LowerBand();
  private final UpperBand upperBand = new UpperBand();
  private final FadingRepeat concealment = new FadingRepeat(SAMPLES);

  @Override
  public int sampleRate() {
    return G722.SAMPLE_RATE;
  }

  /**
   * Decodes one 20 ms payload.
   *
   * @throws IllegalArgumentException if the payload is not exactly 160 bytes (the RTP layer
   *     is expected to deliver 20 ms packets)
   */
  @Override
  public void decode(byte[] payload, int offset, int length, PcmFrame out) {
    if (length != G722.FRAME_BYTES) {
      throw new IllegalArgumentException(
          "G.722 payload of " + length + " bytes; a 20 ms frame is " + G722.FRAME_BYTES + " bytes");
    }
    for (int k = 0; k < length; k++) {
      int code = payload[offset + k];
      qmf.put(k, lowerBand.decode(code & 0x3F), upperBand.decode((code >> 6) & 0x3));
    }
    out.setSampleRate(G722.SAMPLE_RATE);
    qmf.merge(out.samples());
    concealment.received(out.samples());
  }

  @Override
  public void conceal(PcmFrame out) {
    out.setSampleRate(G722.SAMPLE_RATE);
    concealment.conceal(out.samples());
  }
}
