package io.switchboard.media.codec.g722;

import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.codec.AudioEncoder;

/**
 * G.722 64 kbit/s encoder (ITU-T G.722 §3): 20 ms of 16 kHz PCM into 160 bytes, each byte the
 * upper-band code in its 2 most significant bits and the lower-band code in the other 6.
 * One instance per stream; encoding allocates nothing.
 */
public final class G722Encoder implements AudioEncoder {
  private static final int SAMPLES = PcmFrame.samplesPerFrame(G722.SAMPLE_RATE);

  private final QuadratureMirrorFilter.Analysis qmf = new QuadratureMirrorFilter.Analysis(SAMPLES);
  private final LowerBand lowerBand = new LowerBand();
  private final UpperBand upperBand = new UpperBand();
  private final int[] lower = new int[SAMPLES / 2];
  private final int[] upper = new int[SAMPLES / 2];

  @Override
  public int sampleRate() {
    return G722.SAMPLE_RATE;
  }

  @Override
  public int encode(PcmFrame pcm, byte[] out, int offset) {
    if (pcm.sampleRate() != G722.SAMPLE_RATE) {
      throw new IllegalArgumentException("G.722 encodes 16000 Hz frames, got " + pcm.sampleRate() + " Hz");
    }
    if (offset < 0 || offset + G722.FRAME_BYTES > out.length) {
      throw new IllegalArgumentException(
          "no room for " + G722.FRAME_BYTES + " bytes at offset " + offset + " of a " + out.length + "-byte buffer");
    }
    qmf.split(pcm.samples(), lower, upper);
    for (int k = 0; k < lower.length; k++) {
      out[offset + k] = (byte) ((upperBand.encode(upper[k]) << 6) | lowerBand.encode(lower[k]));
    }
    return G722.FRAME_BYTES;
  }
}
