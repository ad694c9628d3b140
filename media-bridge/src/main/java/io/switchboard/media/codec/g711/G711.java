package io.switchboard.media.codec.g711;

import io.switchboard.media.codec.AudioCodec;

/** The G.711 codecs as negotiated in SDP (RFC 3551 §4.5.14, Table 4). */
public final class G711 {
  /** G.711 samples, and clocks RTP, at 8 kHz. */
  public static final int SAMPLE_RATE = 8000;
  /** One byte per sample: 160 bytes per 20 ms frame. */
  public static final int BYTES_PER_FRAME = SAMPLE_RATE / 50;

  /** µ-law, static payload type 0. */
  public static final AudioCodec PCMU =
      new AudioCodec(
          "PCMU",
          0,
          SAMPLE_RATE,
          SAMPLE_RATE,
          () -> new G711Encoder(G711Law.MU_LAW),
          () -> new G711Decoder(G711Law.MU_LAW));

  /** A-law, static payload type 8. */
  public static final AudioCodec PCMA =
      new AudioCodec(
          "PCMA",
          8,
          SAMPLE_RATE,
          SAMPLE_RATE,
          () -> new G711Encoder(G711Law.A_LAW),
          () -> new G711Decoder(G711Law.A_LAW));

  private G711() {}
}
