package io.switchboard.media.codec.g711;

import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.codec.AudioDecoder;

/**
 * Decodes G.711 payloads into 8 kHz frames and conceals losses by repeat-and-fade. A payload
 * shorter than 20 ms is padded with silence; bytes beyond 20 ms are ignored (20 ms packetisation
 * is assumed throughout the media plane).
 */
public final class G711Decoder implements AudioDecoder {
  private final G711Law law;
  private final RepeatFadeConcealer concealer = new RepeatFadeConcealer();

  public G711Decoder(G711Law law) {
    this.law = law;
  }

  @Override
  public int sampleRate() {
    return G711.SAMPLE_RATE;
  }

  @Override
  public void decode(byte[] payload, int offset, int length, PcmFrame out) {
    out.setSampleRate(G711.SAMPLE_RATE);
    short[] samples = out.samples();
    int n = out.length();
    int decoded = Math.min(n, length);
    for (int i = 0; i < decoded; i++) {
      samples[i] = law.decode(payload[offset + i]);
    }
    java.util.Arrays.fill(samples, decoded, n, (short) 0);
    concealer.remember(out);
  }

  @Override
  public void conceal(PcmFrame out) {
    out.setSampleRate(G711.SAMPLE_RATE);
    concealer.conceal(out);
  }
}
