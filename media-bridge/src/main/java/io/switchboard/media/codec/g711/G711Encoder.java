package io.switchboard.media.codec.g711;

import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.codec.AudioEncoder;

/** Encodes 8 kHz frames into 160-byte G.711 payloads. Stateless apart from the law. */
public final class G711Encoder implements AudioEncoder {
  private final G711Law law;

  public G711Encoder(G711Law law) {
    this.law = law;
  }

  @Override
  public int sampleRate() {
    return G711.SAMPLE_RATE;
  }

  @Override
  public int encode(PcmFrame pcm, byte[] out, int offset) {
    if (pcm.sampleRate() != G711.SAMPLE_RATE) {
      throw new IllegalArgumentException(
          "G.711 encodes 8000 Hz frames, got " + pcm.sampleRate() + " Hz");
    }
    short[] samples = pcm.samples();
    int n = pcm.length();
    for (int i = 0; i < n; i++) {
      out[offset + i] = law.encode(samples[i]);
    }
    return n;
  }
}
